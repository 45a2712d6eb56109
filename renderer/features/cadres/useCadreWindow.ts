/**
 * The 干部档案 list as windows fetched from the privileged side (cadre.window): the page holds
 * only the rows around what is on screen, so opening the list and each keystroke cost the same
 * at 2 000 and 50 000 cadres. Pages ahead of the scroll position are fetched before they show.
 *
 * Typing is coalesced rather than timed: the first change goes out at once, and changes made
 * while a call is under way are sent as one when it answers, so a fast typist never queues up
 * calls and a slow one never waits for a timer.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CadreWindow } from '../../../shared/contract/cadreWindow.js';
import type { ListRow } from '../../../shared/rules/cadreList.js';
import { invoke, onEvent } from '../../api/client';
import type { ViewSpec } from './cadreFilterStore';

export const PAGE_SIZE = 100;

export interface WindowState {
  key: string;
  /** The search text these rows are for (trimmed). */
  query: string;
  shown: number;
  total: number;
  version: string;
  pages: ReadonlyMap<number, ListRow[]>;
  /** Index of the row asked for with the first page (the one the cursor was on), or -1. */
  located: number;
}

export const specKey = (s: ViewSpec) => JSON.stringify([s.deleted, s.query.trim(), s.sort, s.filters]);

/** The last window per view (在册 / 回收站), so coming back to the list shows it at once. */
const remembered = new Map<boolean, WindowState>();
let watchingLock = false;

function forgetOnLock(): void {
  if (watchingLock) return;
  watchingLock = true;
  onEvent((e) => {
    if (e.type === 'locked') remembered.clear();
  });
}

export interface CadreWindowApi {
  state: WindowState | null;
  /** True while the rows shown are not yet those of the latest spec (a call is under way or due). */
  pending: boolean;
  error: string | null;
  rowAt: (i: number) => ListRow | undefined;
  /** Fetches the pages covering rows start..end, and one page beyond in each direction. */
  need: (start: number, end: number) => void;
  /** The whole view's ids (and names) in display order; `all` = before filters and search. */
  ids(scope: 'shown' | 'all'): Promise<{ ids: string[]; names: string[] }>;
  /** Row i, from the loaded pages or asked for alone (its page is fetched too). */
  fetchRow(i: number): Promise<ListRow | undefined>;
  /** Resolves once the rows shown are those of the latest spec. */
  settled(): Promise<WindowState | null>;
  reload(): void;
}

export function useCadreWindow(spec: ViewSpec, locate: string | null): CadreWindowApi {
  const key = specKey(spec);
  const [state, setState] = useState<WindowState | null>(() => {
    const hit = remembered.get(spec.deleted);
    return hit && hit.key === key ? hit : null;
  });
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ spec, key, locate });
  latest.current = { spec, key, locate };
  const stateRef = useRef(state);
  stateRef.current = state;
  const inFlight = useRef(false);
  const waiters = useRef<Array<(s: WindowState | null) => void>>([]);
  const pagesAsked = useRef(new Set<string>());
  const idCache = useRef(new Map<string, Promise<{ ids: string[]; names: string[] }>>());

  const publish = useCallback((next: WindowState) => {
    stateRef.current = next;
    remembered.set((JSON.parse(next.key) as [boolean, ...unknown[]])[0], next);
    setState(next);
  }, []);

  // The first page of the latest spec; a change made while it was being fetched goes out next.
  const fetchFirst = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    let sent = '';
    try {
      do {
        const { spec: s, key: k, locate: at } = latest.current;
        sent = k;
        const w: CadreWindow = await invoke('cadre.window', { ...s, offset: 0, limit: PAGE_SIZE, locate: at ?? undefined });
        if (latest.current.key !== k) continue;
        pagesAsked.current = new Set([`${k}#0`]);
        publish({ key: k, query: s.query.trim(), shown: w.shown, total: w.total, version: w.version, pages: new Map([[0, w.rows]]), located: w.located });
        setError(null);
      } while (latest.current.key !== sent);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      inFlight.current = false;
    }
    const done = stateRef.current && stateRef.current.key === latest.current.key ? stateRef.current : null;
    for (const w of waiters.current.splice(0)) w(done);
  }, [publish]);

  useEffect(() => {
    forgetOnLock();
    const hit = remembered.get(spec.deleted);
    if (hit && hit.key === key && stateRef.current !== hit) publish(hit);
    void fetchFirst();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the spec
  }, [key, fetchFirst]);

  const need = useCallback((start: number, end: number) => {
    const s = stateRef.current;
    if (!s || s.key !== latest.current.key || s.shown === 0) return;
    const first = Math.max(0, Math.floor(start / PAGE_SIZE) - 1);
    const last = Math.min(Math.floor((s.shown - 1) / PAGE_SIZE), Math.floor(end / PAGE_SIZE) + 1);
    for (let p = first; p <= last; p++) {
      const tag = `${s.key}#${p}`;
      if (s.pages.has(p) || pagesAsked.current.has(tag)) continue;
      pagesAsked.current.add(tag);
      void invoke('cadre.window', { ...latest.current.spec, offset: p * PAGE_SIZE, limit: PAGE_SIZE })
        .then((w) => {
          const now = stateRef.current;
          if (!now || now.key !== s.key) return;
          if (w.version !== now.version) {
            // The data changed under the list: start over from this page; the others are fetched again as they show.
            pagesAsked.current = new Set([tag]);
            idCache.current.clear();
            publish({ ...now, shown: w.shown, total: w.total, version: w.version, pages: new Map([[p, w.rows]]) });
            return;
          }
          const pages = new Map(now.pages);
          pages.set(p, w.rows);
          publish({ ...now, pages });
        })
        .catch((e: Error) => {
          pagesAsked.current.delete(tag);
          setError(e.message);
        });
    }
  }, [publish]);

  const ids = useCallback((scope: 'shown' | 'all') => {
    const s = latest.current;
    const cacheKey = `${scope}|${scope === 'all' ? specKey({ ...s.spec, query: '', filters: NO_FACETS }) : s.key}|${stateRef.current?.version ?? ''}`;
    let hit = idCache.current.get(cacheKey);
    if (!hit) {
      hit = invoke('cadre.windowIds', { ...s.spec, scope }).then(({ ids: i, names }) => ({ ids: i, names }));
      hit.catch(() => idCache.current.delete(cacheKey));
      if (idCache.current.size > 8) idCache.current.clear();
      idCache.current.set(cacheKey, hit);
    }
    return hit;
  }, []);

  const settled = useCallback(() => {
    const s = stateRef.current;
    if (!inFlight.current && s && s.key === latest.current.key) return Promise.resolve(s);
    return new Promise<WindowState | null>((done) => {
      waiters.current.push(done);
      void fetchFirst();
    });
  }, [fetchFirst]);

  const reload = useCallback(() => {
    idCache.current.clear();
    // A different key forces the first page to be fetched again even for the same spec.
    if (stateRef.current) stateRef.current = { ...stateRef.current, key: '' };
    remembered.clear();
    void fetchFirst();
  }, [fetchFirst]);

  const fetchRow = useCallback(async (i: number) => {
    const s = stateRef.current;
    const have = s?.pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
    if (have) return have;
    need(i, i);
    const w = await invoke('cadre.window', { ...latest.current.spec, offset: i, limit: 1 });
    return w.rows[0];
  }, [need]);

  const rowAt = useCallback((i: number) => state?.pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE], [state]);
  const pending = state === null || state.key !== key;
  return useMemo(() => ({ state, pending, error, rowAt, need, ids, fetchRow, settled, reload }), [state, pending, error, rowAt, need, ids, fetchRow, settled, reload]);
}

const NO_FACETS: ViewSpec['filters'] = { towns: [], villages: [], posts: [], ageBands: [], sex: '', education: [], political: [], tags: [] };
