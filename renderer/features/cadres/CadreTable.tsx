/**
 * The virtualized cadre grid: only the visible rows are in the DOM, so 50k files scroll and
 * filter as fast as 50. A div grid with ARIA grid roles rather than <table>, because table
 * layout cannot absolutely-position rows.
 */
import { Button } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, memo, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { COLUMNS, type Column, type ColumnKey, type ListRow, type SortSpec } from './listModel';
import type { HeaderCheck } from './selectionModel';

export const ROW_HEIGHT = 34;

export interface CadreTableHandle {
  scrollToIndex: (i: number) => void;
  focus: () => void;
}

interface Props {
  /** Rows in the list; only those around the view are loaded. */
  count: number;
  /** A loaded row, or undefined while its page is being fetched. */
  rowAt: (index: number) => ListRow | undefined;
  /** The rows start..end are on screen (fetch them and the pages around). */
  onRange: (start: number, end: number) => void;
  columns: ColumnKey[];
  sort: SortSpec | null;
  onSort: (key: ColumnKey) => void;
  selectedIndex: number;
  onSelect: (index: number) => void;
  onOpen: (row: ListRow) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  /** In the 回收站 each row gets a 恢复 button. */
  onRestore?: (row: ListRow) => void;
  /** Used until the grid has measured where it sits; then it fills the window below. */
  height: number | string;
  /** Ticked cadre ids; without it the grid has no checkbox column (the 回收站). */
  checked?: ReadonlySet<string>;
  /** A row's checkbox was clicked; `shift` extends from the last ticked row. */
  onTick?: (index: number, shift: boolean) => void;
  /** The header checkbox: all shown rows on, or off when all are on. */
  onTickAll?: () => void;
  headerCheck?: HeaderCheck;
}

/** Width of the checkbox column. */
const CHECK_WIDTH = 36;

function cellText(row: ListRow, key: ColumnKey): string {
  const v = row[key];
  if (key === 'age') return Number.isFinite(v) ? String(v) : '';
  return v === undefined || v === null ? '' : String(v);
}

interface RowActions {
  select: (i: number) => void;
  tick: (i: number, shift: boolean) => void;
  open: (r: ListRow) => void;
  restore: (r: ListRow) => void;
}

/** One row; memoized so scrolling renders only the rows that came into view. */
const Row = memo(function Row({ row, index, top, selected, checked, cols, template, withRestore, actions }: {
  row: ListRow;
  index: number;
  top: number;
  selected: boolean;
  /** undefined: no checkbox column. */
  checked: boolean | undefined;
  cols: Column[];
  template: string;
  withRestore: boolean;
  actions: RowActions;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-checked={checked || undefined}
      className="cd-row"
      data-cadre-id={row.id}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${top}px)`, gridTemplateColumns: template }}
      onClick={() => actions.select(index)}
      onDoubleClick={() => actions.open(row)}
    >
      {checked !== undefined && (
        <div role="gridcell" className="cd-cell cd-check" onDoubleClick={(e) => e.stopPropagation()}>
          <input
            type="checkbox"
            className="cd-checkbox"
            aria-label={`选择 ${row.name}`}
            checked={checked}
            // One tab stop for the grid: Space ticks the cursor row, so 30 checkboxes need not be tabbed through.
            tabIndex={-1}
            // The click (not change) event carries shiftKey for range ticking; the row's own
            // click would move the cursor a second time, so it is handled here.
            onClick={(e) => {
              e.stopPropagation();
              // Focus goes to the grid, not the box: otherwise ↓ then Space would re-toggle this box
              // instead of ticking the row the cursor moved to.
              e.currentTarget.closest<HTMLElement>('[role="grid"]')?.focus({ preventScroll: true });
              actions.select(index);
              actions.tick(index, e.shiftKey);
            }}
            onChange={noop}
          />
        </div>
      )}
      {cols.map((c) =>
        c.key === 'name' ? (
          <div key={c.key} role="gridcell" className="cd-cell">
            <a className="cd-name" href={`#/cadres/${encodeURIComponent(row.id)}`}>{row.name}</a>
            {row.demo && <span className="cd-demo">示例</span>}
          </div>
        ) : (
          <div key={c.key} role="gridcell" className="cd-cell">{cellText(row, c.key)}</div>
        ),
      )}
      {withRestore && (
        <div role="gridcell" className="cd-cell">
          <Button size="compact-xs" variant="light" onClick={(e) => { e.stopPropagation(); actions.restore(row); }}>恢复</Button>
        </div>
      )}
    </div>
  );
});

const noop = () => {};

/** A row whose page is still on its way: the same height, so scrolling does not jump. */
function PendingRow({ index, top, template }: { index: number; top: number; template: string }) {
  return (
    <div role="row" aria-rowindex={index + 2} aria-busy="true" className="cd-row cd-pending" style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${top}px)`, gridTemplateColumns: template }}>
      <div role="gridcell" className="cd-cell">…</div>
    </div>
  );
}

/** The header checkbox; `indeterminate` exists only as a DOM property. */
function HeaderCheckbox({ state, count, onToggle }: { state: HeaderCheck; count: number; onToggle: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <div role="columnheader" className="cd-cell cd-check">
      <input
        ref={ref}
        type="checkbox"
        className="cd-checkbox"
        aria-label={`选择当前列表全部 ${count} 人`}
        checked={state === 'all'}
        disabled={count === 0}
        onChange={onToggle}
      />
    </div>
  );
}

export const CadreTable = forwardRef<CadreTableHandle, Props>(function CadreTable(
  { count, rowAt, onRange, columns, sort, onSort, selectedIndex, onSelect, onOpen, onKeyDown, onRestore, height, checked, onTick, onTickAll, headerCheck },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const cols = useMemo(() => columns.map((k) => COLUMNS.find((c) => c.key === k)).filter((c): c is Column => !!c), [columns]);
  // Rows are memoized; they call the latest handlers through this stable object.
  const latest = useRef({ onSelect, onOpen, onRestore, onTick });
  latest.current = { onSelect, onOpen, onRestore, onTick };
  const actions = useMemo<RowActions>(
    () => ({
      select: (i) => latest.current.onSelect(i),
      tick: (i, shift) => latest.current.onTick?.(i, shift),
      open: (r) => latest.current.onOpen(r),
      restore: (r) => latest.current.onRestore?.(r),
    }),
    [],
  );
  const withCheck = checked !== undefined;
  const template = (withCheck ? `${CHECK_WIDTH}px ` : '') + cols.map((c) => `${c.width}px`).join(' ') + (onRestore ? ' 80px' : '') + ' minmax(0, 1fr)';
  const width = (withCheck ? CHECK_WIDTH : 0) + cols.reduce((s, c) => s + c.width, 0) + (onRestore ? 80 : 0);

  // The grid fills the window below the filters, so its last row is never cut off by the window
  // edge (the filter bar wraps to two lines on narrow screens, so the top is measured, not assumed).
  const [fitHeight, setFitHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const fit = () => {
      const el = scrollRef.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setFitHeight(Math.max(320, Math.floor(window.innerHeight - top - 16)));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // The sticky header sits above the rows inside the scroll box: the rows start one row down,
    // and a row scrolled to must land below the header, not under it.
    scrollMargin: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT,
  });

  useImperativeHandle(ref, () => ({
    scrollToIndex: (i) => virtualizer.scrollToIndex(i, { align: 'auto' }),
    focus: () => scrollRef.current?.focus(),
  }));

  // A new filter puts the view back at the top, where the first match is. The virtualizer's
  // remembered offset is read instead of scrollTop, which would force a layout on every keystroke.
  const first = rowAt(0)?.id;
  useEffect(() => {
    if (selectedIndex < 0 && (virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0);
  }, [first, count, selectedIndex, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const from = items[0]?.index ?? 0;
  const to = items.at(-1)?.index ?? 0;
  useEffect(() => onRange(from, to), [from, to, count, rowAt, onRange]);

  return (
    <div
      ref={scrollRef}
      className="cd-grid"
      role="grid"
      aria-label="干部列表"
      aria-rowcount={count + 1}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ height: fitHeight ?? height }}
      data-testid="cadre-grid"
    >
      <div className="cd-row cd-head" role="row" style={{ gridTemplateColumns: template, minWidth: width }}>
        {withCheck && <HeaderCheckbox state={headerCheck ?? 'none'} count={count} onToggle={() => onTickAll?.()} />}
        {cols.map((c) => (
          <div key={c.key} role="columnheader" aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
            <button type="button" onClick={() => onSort(c.key)} title={`按${c.label}排序`}>
              {c.label}
              {sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
            </button>
          </div>
        ))}
        {onRestore && <div role="columnheader" className="cd-cell">操作</div>}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: width }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          return row ? (
            <Row
              key={row.id}
              row={row}
              index={item.index}
              top={item.start - ROW_HEIGHT}
              selected={item.index === selectedIndex}
              checked={checked ? checked.has(row.id) : undefined}
              cols={cols}
              template={template}
              withRestore={!!onRestore}
              actions={actions}
            />
          ) : (
            <PendingRow key={`pending-${item.index}`} index={item.index} top={item.start - ROW_HEIGHT} template={template} />
          );
        })}
      </div>
    </div>
  );
});
