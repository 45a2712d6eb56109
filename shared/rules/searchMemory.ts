import { compileQuery, narrows, type Searchable } from './search.js';

/**
 * Remembers recent search results over one list of rows. Typing on ("che" → "chen") filters
 * the previous result, and erasing ("chen" → "che") returns a remembered one, so only the first
 * letter scans every row. The privileged side keeps one per list view (electron/store/cadreView.ts).
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
