import { useMemo, useRef } from 'react';
import { compileQuery, narrows, type Searchable } from '../../../shared/rules/search.js';

/**
 * Filters rows by the search box text. Typing on ("che" → "chen") filters the previous result,
 * and erasing ("chen" → "che") returns a remembered one, so only the first letter scans every row.
 * The memory is dropped whenever the underlying rows (filters, sort, data) change.
 */
export function useSearch<T extends Searchable>(rows: T[], query: string): T[] {
  const memory = useRef<{ base: T[]; results: Array<{ q: string; rows: T[] }> }>({ base: rows, results: [] });
  return useMemo(() => {
    const m = memory.current;
    if (m.base !== rows) {
      m.base = rows;
      m.results = [];
    }
    if (!query.trim()) return rows;
    const hit = m.results.find((r) => r.q === query);
    if (hit) return hit.rows;
    let from = rows;
    let bestLength = -1;
    for (const r of m.results) {
      if (r.q.length > bestLength && narrows(r.q, query)) {
        from = r.rows;
        bestLength = r.q.length;
      }
    }
    const result = from.filter(compileQuery(query));
    m.results.push({ q: query, rows: result });
    if (m.results.length > 24) m.results.shift();
    return result;
  }, [rows, query]);
}
