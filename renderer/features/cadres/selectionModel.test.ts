import { describe, expect, it } from 'vitest';
import {
  actionLabel,
  actionList,
  countShownSelected,
  headerCheck,
  NO_SELECTION,
  pruneSelection,
  selectionSummary,
  tickRow,
  toggleAllShown,
  type SelectionState,
} from './selectionModel';

const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, name: id.toUpperCase() }));
const sel = (ids: string[], anchorId: string | null = null): SelectionState => ({ ids: new Set(ids), anchorId });
const ids = (s: SelectionState) => [...s.ids].sort();

describe('tickRow', () => {
  it('toggles one row and makes it the anchor', () => {
    const s1 = tickRow(NO_SELECTION, rows, 1, false);
    expect(ids(s1)).toEqual(['b']);
    expect(s1.anchorId).toBe('b');
    const s2 = tickRow(s1, rows, 1, false);
    expect(ids(s2)).toEqual([]);
    expect(NO_SELECTION.ids.size).toBe(0); // inputs are never mutated
  });

  it('Shift extends from the anchor in either direction to the clicked row', () => {
    expect(ids(tickRow(sel(['b'], 'b'), rows, 4, true))).toEqual(['b', 'c', 'd', 'e']);
    expect(ids(tickRow(sel(['e'], 'e'), rows, 1, true))).toEqual(['b', 'c', 'd', 'e']);
  });

  it('Shift on a ticked row unticks the range, leaving ticks outside it', () => {
    const s = tickRow(sel(['a', 'b', 'c', 'd', 'f'], 'b'), rows, 3, true);
    expect(ids(s)).toEqual(['a', 'f']);
    expect(s.anchorId).toBe('d');
  });

  it('Shift with the anchor filtered out of the shown rows ticks just the clicked row', () => {
    const shown = rows.slice(2);
    expect(ids(tickRow(sel(['a'], 'a'), shown, 2, true))).toEqual(['a', 'e']);
  });
});

describe('toggleAllShown', () => {
  it('ticks every shown row, keeping ticks on hidden rows', () => {
    const s = toggleAllShown(sel(['a']), rows.slice(3));
    expect(ids(s)).toEqual(['a', 'd', 'e', 'f']);
  });

  it('unticks the shown rows when all of them are ticked; hidden ticks stay', () => {
    expect(ids(toggleAllShown(sel(['a', 'd', 'e', 'f']), rows.slice(3)))).toEqual(['a']);
  });

  it('with some shown ticked, ticks the rest', () => {
    expect(ids(toggleAllShown(sel(['d']), rows.slice(3)))).toEqual(['d', 'e', 'f']);
  });

  it('handles 50 000 rows as one Set build', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ id: `c${i}` }));
    const t0 = performance.now();
    const s = toggleAllShown(NO_SELECTION, many);
    expect(s.ids.size).toBe(50_000);
    expect(countShownSelected(s.ids, many)).toBe(50_000);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('header checkbox and summary', () => {
  it('is indeterminate when some shown rows are ticked', () => {
    expect(headerCheck(countShownSelected(new Set(), rows), rows.length)).toBe('none');
    expect(headerCheck(countShownSelected(new Set(['a', 'zz']), rows), rows.length)).toBe('some');
    expect(headerCheck(countShownSelected(new Set(rows.map((r) => r.id)), rows), rows.length)).toBe('all');
  });

  it('says how many ticked cadres the filters hide', () => {
    expect(selectionSummary(7, 2)).toBe('已选 7 人（其中 2 人不在当前列表中）');
    expect(selectionSummary(3, 0)).toBe('已选 3 人');
  });

  it('labels an action with the selection it acts on', () => {
    expect(actionLabel('导出 Excel', 5)).toBe('导出 Excel（已选 5 人）');
    expect(actionLabel('导出 Excel', 0)).toBe('导出 Excel');
  });
});

describe('pruneSelection', () => {
  it('drops ids that left the view and keeps the same object when none did', () => {
    const s = sel(['a', 'x'], 'x');
    const pruned = pruneSelection(s, rows);
    expect(ids(pruned)).toEqual(['a']);
    expect(pruned.anchorId).toBeNull();
    const kept = sel(['a'], 'a');
    expect(pruneSelection(kept, rows)).toBe(kept);
  });
});

describe('actionList: what 导出 and 打印 act on', () => {
  const shown = [rows[4], rows[1]]; // a search showing e and b, sorted e before b
  const all = [rows[4], rows[1], rows[0], rows[5], rows[2], rows[3]];

  it('without a selection: the rows shown, with the filter description', () => {
    const l = actionList({ shown, all, selected: new Set(), trash: false, description: '性别：女' });
    expect(l.ids).toEqual(['e', 'b']);
    expect(l.description).toBe('性别：女');
    expect(l.selectedCount).toBe(0);
  });

  it('with a selection: every selected cadre in list order, hidden ones included', () => {
    const l = actionList({ shown, all, selected: new Set(['d', 'b', 'f']), trash: false, description: '性别：女' });
    expect(l.ids).toEqual(['b', 'f', 'd']);
    expect(l.rows.map((r) => r.name)).toEqual(['B', 'F', 'D']);
    expect(l.description).toBe('已选 3 人');
    expect(l.selectedCount).toBe(3);
  });
});
