/**
 * The cadre list's filters, search text, sort, columns and — the point of sharing it — the ids
 * of the rows currently shown. Kept outside React so it survives leaving the page (back from a
 * cadre file lands on the same list) and so other modules (导出当前列表, 批量打印) can read
 * "the current list with its filters" without reaching into the list page.
 */
import { useSyncExternalStore } from 'react';
import { invoke } from '../../api/client';
import { DEFAULT_COLUMNS, NO_FILTERS, type CadreFilters, type ColumnKey, type SortSpec } from './listModel';
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

/** The list the state asks for now (the search text as typed, not yet necessarily shown). */
export function getViewSpec(): { deleted: boolean; filters: CadreFilters; query: string; sort: SortSpec | null } {
  return { deleted: state.trash, filters: state.filters, query: state.query, sort: state.sort };
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

/** What the privileged side needs to list the same rows (cadre.window / cadre.windowIds). */
export interface ViewSpec {
  deleted: boolean;
  filters: CadreFilters;
  query: string;
  sort: SortSpec | null;
}

/** What the list's actions act on: the selected cadres when there is a selection, else the rows shown. */
export interface CurrentCadreList {
  /** Ids to act on, in display order. */
  ids: string[];
  /** The rows to act on (id and name), in display order. Do not mutate. */
  rows: readonly { id: string; name: string }[];
  /** true when the rows are the 回收站 (deleted files). */
  trash: boolean;
  /** Human-readable summary for an export's title row: the filters + search, or "已选 N 人". */
  description: string;
  /** How many cadres are selected; 0 when there is no selection and the actions take the rows shown. */
  selectedCount: number;
}

/** The current list in brief, for labels: the ids themselves are fetched only when an action runs. */
export interface CurrentListSummary {
  /** null until the list page has shown a list (or after locking). */
  spec: ViewSpec | null;
  trash: boolean;
  description: string;
  /** Rows shown (filters + search). */
  shown: number;
  selectedCount: number;
}

/**
 * Kept apart from the list state above so publishing it after every keystroke does not
 * re-render the list page itself (that doubled the work per keystroke).
 */
let current: { spec: ViewSpec | null; shown: number; description: string } = { spec: null, shown: 0, description: '' };
let summary: CurrentListSummary | null = null;
const currentListeners = new Set<() => void>();

function currentChanged(): void {
  summary = null;
  for (const l of currentListeners) l();
}

/** The list page says what it shows; `spec` null forgets it (locked). */
export function publishCurrentList(spec: ViewSpec | null, shown: number, description: string): void {
  if (spec === current.spec && shown === current.shown && description === current.description) return;
  current = { spec, shown, description };
  currentChanged();
}

function getSummary(): CurrentListSummary {
  if (!summary) {
    summary = { spec: current.spec, trash: current.spec?.deleted ?? false, description: current.description, shown: current.shown, selectedCount: selection.ids.size };
  }
  return summary;
}

/**
 * What the list's actions act on — the single place that decides (see selectionModel.actionList),
 * asked of the privileged side when an action runs, not on every keystroke. Before the list has
 * been opened: the whole 在册 list.
 */
export async function getCurrentCadreList(): Promise<CurrentCadreList> {
  const spec = current.spec ?? { deleted: false, filters: NO_FILTERS, query: '', sort: null };
  const description = current.spec ? current.description : '';
  const selected = selection.ids;
  const pairs = async (scope: 'shown' | 'all') => {
    const r = await invoke('cadre.windowIds', { ...spec, scope });
    return r.ids.map((id, i) => ({ id, name: r.names[i] }));
  };
  if (selected.size === 0) return actionList({ shown: await pairs('shown'), all: [], selected, trash: spec.deleted, description });
  return actionList({ shown: [], all: await pairs('all'), selected, trash: spec.deleted, description });
}

function subscribeCurrent(l: () => void): () => void {
  currentListeners.add(l);
  return () => currentListeners.delete(l);
}

/** The current list in brief (filters, count, selection), for another module's labels (导出当前列表). */
export function useCadreFilter(): CurrentListSummary {
  return useSyncExternalStore(subscribeCurrent, getSummary);
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
