/**
 * Choosing several cadres in the list (e.g. the 5 candidates for a post) and deciding what the
 * list's actions (导出 Excel, 导出任免审批表, 批量打印) act on. Pure functions over a Set of ids, so
 * selecting all 50 000 shown rows is one Set build, not 50 000 state updates.
 *
 * The rule: with a selection, the actions take every selected cadre — also those a filter or
 * search now hides — in the list's order; without one, they take the rows shown, as before.
 * A selection is an explicit choice, so a filter typed afterwards must not silently shrink it.
 */

export interface Identified {
  id: string;
}

export interface SelectionState {
  ids: ReadonlySet<string>;
  /** The last row ticked or unticked: where a Shift+click range starts. */
  anchorId: string | null;
}

export const NO_SELECTION: SelectionState = { ids: new Set(), anchorId: null };

/**
 * A tick on row `index` of the shown rows. With Shift and an anchor still shown, every row from
 * the anchor to this one takes the state this row is switched to (as in mail clients).
 */
export function tickRow(sel: SelectionState, rows: readonly Identified[], index: number, shift: boolean): SelectionState {
  const row = rows[index];
  if (!row) return sel;
  const on = !sel.ids.has(row.id);
  const anchor = shift && sel.anchorId ? rows.findIndex((r) => r.id === sel.anchorId) : -1;
  const next = new Set(sel.ids);
  const [from, to] = anchor >= 0 ? [Math.min(anchor, index), Math.max(anchor, index)] : [index, index];
  for (let i = from; i <= to; i++) {
    if (on) next.add(rows[i].id);
    else next.delete(rows[i].id);
  }
  return { ids: next, anchorId: row.id };
}

/** Header checkbox: tick every shown row, or — when all shown are ticked — untick them; hidden ticks stay. */
export function toggleAllShown(sel: SelectionState, rows: readonly Identified[]): SelectionState {
  const allOn = rows.length > 0 && countShownSelected(sel.ids, rows) === rows.length;
  const next = new Set(sel.ids);
  if (allOn) for (const r of rows) next.delete(r.id);
  else for (const r of rows) next.add(r.id);
  return { ids: next, anchorId: sel.anchorId };
}

export function countShownSelected(ids: ReadonlySet<string>, rows: readonly Identified[]): number {
  if (ids.size === 0) return 0;
  let n = 0;
  for (const r of rows) if (ids.has(r.id)) n++;
  return n;
}

export type HeaderCheck = 'none' | 'some' | 'all';

export function headerCheck(shownSelected: number, shownCount: number): HeaderCheck {
  if (shownSelected === 0) return 'none';
  return shownSelected === shownCount ? 'all' : 'some';
}

/** Drops ids no longer in the view's rows (deleted, or the rows reloaded); returns `sel` itself when nothing changed. */
export function pruneSelection(sel: SelectionState, rows: readonly Identified[]): SelectionState {
  if (sel.ids.size === 0) return sel;
  const present = new Set<string>();
  for (const r of rows) if (sel.ids.has(r.id)) present.add(r.id);
  if (present.size === sel.ids.size) return sel;
  return { ids: present, anchorId: sel.anchorId && present.has(sel.anchorId) ? sel.anchorId : null };
}

/** "已选 7 人（其中 2 人不在当前列表中）" */
export function selectionSummary(selected: number, hidden: number): string {
  return hidden > 0 ? `已选 ${selected} 人（其中 ${hidden} 人不在当前列表中）` : `已选 ${selected} 人`;
}

export interface ActionList<R extends Identified> {
  /** Ids to act on, in display order. */
  ids: string[];
  rows: readonly R[];
  trash: boolean;
  /** Said in file titles: the filters and search, or "已选 N 人" for a selection. */
  description: string;
  /** How many cadres are selected (0: no selection, the actions take the rows shown). */
  selectedCount: number;
}

/**
 * The one place that decides what the list's actions act on. `all` is the whole view in display
 * order (sorted, before filters and search), so hidden-but-selected cadres keep their place.
 */
export function actionList<R extends Identified>(input: {
  shown: readonly R[];
  all: readonly R[];
  selected: ReadonlySet<string>;
  trash: boolean;
  description: string;
}): ActionList<R> {
  const { shown, all, selected, trash, description } = input;
  if (selected.size === 0) return { ids: shown.map((r) => r.id), rows: shown, trash, description, selectedCount: 0 };
  const rows = all.filter((r) => selected.has(r.id));
  return { ids: rows.map((r) => r.id), rows, trash, description: `已选 ${rows.length} 人`, selectedCount: rows.length };
}

/** A list action's button text: "导出 Excel（已选 5 人）" when a selection is what it acts on. */
export function actionLabel(label: string, selectedCount: number): string {
  return selectedCount > 0 ? `${label}（已选 ${selectedCount} 人）` : label;
}
