/**
 * The cadre list's filters, search text, sort, columns and — the point of sharing it — the ids
 * of the rows currently shown. Kept outside React so it survives leaving the page (back from a
 * cadre file lands on the same list) and so other modules (导出当前列表, 批量打印) can read
 * "the current list with its filters" without reaching into the list page.
 */
import { useSyncExternalStore } from 'react';
import { DEFAULT_COLUMNS, NO_FILTERS, type CadreFilters, type ColumnKey, type SortSpec } from './listModel';

export interface CadreListState {
  filters: CadreFilters;
  query: string;
  sort: SortSpec | null;
  columns: ColumnKey[];
  /** true: showing the 回收站 (deleted files). */
  trash: boolean;
  /** Ids of the rows the list shows now, in display order. */
  filteredIds: string[];
  /** Human-readable summary of filters + search, e.g. for an export's title row. */
  description: string;
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
  filteredIds: [],
  description: '',
  selectedId: null,
};
const listeners = new Set<() => void>();

export function getCadreListState(): CadreListState {
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
  return useSyncExternalStore(subscribe, getCadreListState);
}

/**
 * What another module needs to act on "the current list": the shown ids (in order), whether
 * they are live files or the 回收站, and a description of the filters.
 */
export function useCadreFilter(): { ids: string[]; trash: boolean; description: string } {
  const s = useCadreListState();
  return { ids: s.filteredIds, trash: s.trash, description: s.description };
}
