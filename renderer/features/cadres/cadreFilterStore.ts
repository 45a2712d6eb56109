/**
 * The cadre list's filters, search text, sort, columns and — the point of sharing it — the ids
 * of the rows currently shown. Kept outside React so it survives leaving the page (back from a
 * cadre file lands on the same list) and so other modules (导出当前列表, 批量打印) can read
 * "the current list with its filters" without reaching into the list page.
 */
import { useSyncExternalStore } from 'react';
import { DEFAULT_COLUMNS, NO_FILTERS, type CadreFilters, type ColumnKey, type ListRow, type SortSpec } from './listModel';
import { actionList, NO_SELECTION, type SelectionState } from './selectionModel';

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
  /** Ids to act on, in display order: the selected cadres when there is a selection, else the rows shown. */
  ids: string[];
  /** The rows to act on (name, village, post… as in the list), in display order. Do not mutate. */
  rows: readonly ListRow[];
  /** true when the rows are the 回收站 (deleted files). */
  trash: boolean;
  /** Human-readable summary for an export's title row: the filters + search, or "已选 N 人". */
  description: string;
  /** How many cadres are selected; 0 when there is no selection and the actions take the rows shown. */
  selectedCount: number;
}

let current: { rows: readonly ListRow[]; all: readonly ListRow[]; trash: boolean; description: string } = { rows: [], all: [], trash: false, description: '' };
let currentSnapshot: CurrentCadreList | null = null;
const currentListeners = new Set<() => void>();

function currentChanged(): void {
  currentSnapshot = null;
  for (const l of currentListeners) l();
}

/**
 * `rows`: the rows shown (filters + search); `all`: the whole view in the same order, where
 * selected cadres hidden by a filter are found.
 */
export function publishCurrentList(rows: readonly ListRow[], trash: boolean, description: string, all: readonly ListRow[] = rows): void {
  if (rows === current.rows && all === current.all && trash === current.trash && description === current.description) return;
  current = { rows, all, trash, description };
  currentChanged();
}

/**
 * What the list's actions act on — the single place that decides (see selectionModel.actionList).
 * Computed on first ask, not on every keystroke.
 */
export function getCurrentCadreList(): CurrentCadreList {
  if (!currentSnapshot) currentSnapshot = actionList({ shown: current.rows, all: current.all, selected: selection.ids, trash: current.trash, description: current.description });
  return currentSnapshot;
}

function subscribeCurrent(l: () => void): () => void {
  currentListeners.add(l);
  return () => currentListeners.delete(l);
}

/**
 * What another module needs to act on "the current list" (导出当前列表, 批量打印): the ids in
 * order (the selection, if any), whether they are the 回收站, and a description.
 */
export function useCadreFilter(): CurrentCadreList {
  return useSyncExternalStore(subscribeCurrent, getCurrentCadreList);
}

/*
 * The cadres ticked in the list, by id, so a tick survives filtering, searching and leaving the
 * page. Its own store: ticking re-renders the list and the action labels, not the filter bar.
 */
let selection: SelectionState = NO_SELECTION;
const selectionListeners = new Set<() => void>();

export function getCadreSelection(): SelectionState {
  return selection;
}

export function setCadreSelection(next: SelectionState): void {
  if (next === selection) return;
  selection = next;
  for (const l of selectionListeners) l();
  currentChanged();
}

export function clearCadreSelection(): void {
  if (selection.ids.size > 0 || selection.anchorId) setCadreSelection(NO_SELECTION);
}

function subscribeSelection(l: () => void): () => void {
  selectionListeners.add(l);
  return () => selectionListeners.delete(l);
}

export function useCadreSelection(): SelectionState {
  return useSyncExternalStore(subscribeSelection, getCadreSelection);
}

/** For the action buttons' labels; re-renders only when the count changes. */
export function useSelectedCount(): number {
  return useSyncExternalStore(subscribeSelection, () => selection.ids.size);
}
