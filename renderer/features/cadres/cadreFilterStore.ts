/**
 * The cadre list's filters, search text, sort, columns and — the point of sharing it — the ids
 * of the rows currently shown. Kept outside React so it survives leaving the page (back from a
 * cadre file lands on the same list) and so other modules (导出当前列表, 批量打印) can read
 * "the current list with its filters" without reaching into the list page.
 */
import { useSyncExternalStore } from 'react';
import { DEFAULT_COLUMNS, NO_FILTERS, type CadreFilters, type ColumnKey, type ListRow, type SortSpec } from './listModel';

export interface CadreListState {
  filters: CadreFilters;
  query: string;
  sort: SortSpec | null;
  columns: ColumnKey[];
  /** true: showing the 回收站 (deleted files). */
  trash: boolean;
  /** Row under the keyboard cursor. */
  selectedId: string | null;
}

const COLUMNS_KEY = 'cadre-desk.cadreColumns';

function initialColumns(): ColumnKey[] {
  try {
    const saved = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as ColumnKey[] | null;
    if (Array.isArray(saved) && saved.length) return saved;
  } catch {
    /* a damaged preference is not worth an error: fall back to the defaults */
  }
  return DEFAULT_COLUMNS;
}

let state: CadreListState = {
  filters: NO_FILTERS,
  query: '',
  sort: null,
  columns: typeof localStorage === 'undefined' ? DEFAULT_COLUMNS : initialColumns(),
  trash: false,
  selectedId: null,
};
const listeners = new Set<() => void>();

/**
 * The list state plus the current list's ids and description, read once (e.g. when an export
 * button is pressed). React components should use `useCadreFilter` to follow changes.
 */
export function getCadreListState(): CadreListState & { filteredIds: string[]; description: string } {
  const c = getCurrentCadreList();
  return { ...state, filteredIds: c.ids, description: c.description };
}

function snapshot(): CadreListState {
  return state;
}

export function setCadreListState(patch: Partial<CadreListState>): void {
  state = { ...state, ...patch };
  if (patch.columns) {
    try {
      localStorage.setItem(COLUMNS_KEY, JSON.stringify(patch.columns));
    } catch {
      /* private mode or full storage: the choice just is not remembered */
    }
  }
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The whole list state; re-renders on any change. */
export function useCadreListState(): CadreListState {
  return useSyncExternalStore(subscribe, snapshot);
}

/**
 * What the list shows now. Kept apart from the list state above so publishing it after every
 * keystroke does not re-render the list page itself (that doubled the work per keystroke).
 */
export interface CurrentCadreList {
  /** Ids of the rows shown, in display order. */
  ids: string[];
  /** The rows shown (name, village, post… as in the list), in display order. Do not mutate. */
  rows: readonly ListRow[];
  /** true when the rows are the 回收站 (deleted files). */
  trash: boolean;
  /** Human-readable summary of filters + search, e.g. for an export's title row. */
  description: string;
}

let current: { rows: readonly ListRow[]; trash: boolean; description: string } = { rows: [], trash: false, description: '' };
let currentSnapshot: CurrentCadreList | null = null;
const currentListeners = new Set<() => void>();

export function publishCurrentList(rows: readonly ListRow[], trash: boolean, description: string): void {
  if (rows === current.rows && trash === current.trash && description === current.description) return;
  current = { rows, trash, description };
  currentSnapshot = null;
  for (const l of currentListeners) l();
}

/** The current list, ids computed on first ask (not on every keystroke). */
export function getCurrentCadreList(): CurrentCadreList {
  if (!currentSnapshot) currentSnapshot = { ids: current.rows.map((r) => r.id), rows: current.rows, trash: current.trash, description: current.description };
  return currentSnapshot;
}

function subscribeCurrent(l: () => void): () => void {
  currentListeners.add(l);
  return () => currentListeners.delete(l);
}

/**
 * What another module needs to act on "the current list" (导出当前列表, 批量打印): the shown ids in
 * order, whether they are the 回收站, and a description of the filters and search.
 */
export function useCadreFilter(): CurrentCadreList {
  return useSyncExternalStore(subscribeCurrent, getCurrentCadreList);
}
