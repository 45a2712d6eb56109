import { useMemo, useRef } from 'react';
import { compileQuery, narrows, type Searchable } from '../../../shared/rules/search.js';

/**
 * Remembers recent search results over one list of rows. Typing on ("che" → "chen") filters
 * the previous result, and erasing ("chen" → "che") returns a remembered one, so only the first
 * letter scans every row.
 */
export function createSearchMemory<T extends Searchable>(rows: T[], keep = 24) {
  const results: Array<{ q: string; rows: T[] }> = [];
  return {
    rows,
    search(query: string): T[] {
      if (!query.trim()) return rows;
      const hit = results.find((r) => r.q === query);
      if (hit) return hit.rows;
      let from = rows;
      let bestLength = -1;
      for (const r of results) {
        if (r.q.length > bestLength && narrows(r.q, query)) {
          from = r.rows;
          bestLength = r.q.length;
        }
      }
      const found = from.filter(compileQuery(query));
      results.push({ q: query, rows: found });
      if (results.length > keep) results.shift();
      return found;
    },
  };
}

/** The search box's rows; the memory is dropped whenever the underlying rows (filters, sort, data) change. */
export function useSearch<T extends Searchable>(rows: T[], query: string): T[] {
  const memory = useRef(createSearchMemory(rows));
  return useMemo(() => {
    if (memory.current.rows !== rows) memory.current = createSearchMemory(rows);
    return memory.current.search(query);
  }, [rows, query]);
}
