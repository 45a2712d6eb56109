/**
 * Search keys for the one search box: name, full pinyin, pinyin initials, ID fragment, phone.
 * Pinyin comes from pinyin-pro (a maintained dictionary with polyphone handling), computed
 * once per record on the privileged side and shipped with the list rows.
 */
import { pinyin } from 'pinyin-pro';

export function pinyinKeys(name: string): { pinyin: string; initials: string } {
  const full = pinyin(name, { toneType: 'none', type: 'array', surname: 'head' });
  return {
    pinyin: full.join('').toLowerCase(),
    initials: full.map((s) => s[0] ?? '').join('').toLowerCase(),
  };
}

export interface Searchable {
  name: string;
  pinyin: string;
  initials: string;
  idNumber: string;
  phone: string;
}

/** True when the query matches the row in any of the accepted ways. */
export function matchesQuery(row: Searchable, rawQuery: string): boolean {
  const q = rawQuery.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return true;
  if (row.name.includes(q)) return true;
  if (/^[a-z]+$/.test(q)) return row.initials.startsWith(q) || row.pinyin.startsWith(q) || (q.length >= 3 && row.pinyin.includes(q));
  if (/^[\dxX]+$/.test(q)) return row.idNumber.toLowerCase().includes(q) || (q.length >= 3 && row.phone.includes(q));
  return false;
}
