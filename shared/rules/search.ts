/**
 * Search keys for the one search box: name, full pinyin, pinyin initials (or the two mixed,
 * syllable by syllable), ID fragment, phone.
 * Pinyin comes from pinyin-pro (a maintained dictionary with polyphone handling), computed
 * once per record on the privileged side and shipped with the list rows.
 */
import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** wangjianguo */
  pinyin: string;
  /** wjg */
  initials: string;
  /** "wang jian guo": the syllables, for queries that mix full syllables and initials (wangjg, lvxm). */
  syllables: string;
}

export function pinyinKeys(name: string): PinyinKeys {
  // `v: true` spells ü as v (吕 → lv), which is how people type it on a keyboard.
  const full = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true }).map((s) => s.toLowerCase().replace(/\s+/g, ''));
  return {
    pinyin: full.join(''),
    initials: full.map((s) => s[0] ?? '').join(''),
    syllables: full.join(' '),
  };
}

export interface Searchable extends PinyinKeys {
  name: string;
  idNumber: string;
  phone: string;
}

/**
 * True when `q` spells the name from its start, each syllable typed in full or by a prefix of
 * it (at least its first letter): "lvxm", "wangjg", "wjguo" all find 王建国 / 吕晓明. A syllable
 * may be left half-typed only at the end. Names have a handful of syllables, so the
 * backtracking stays tiny.
 */
export function matchesSyllables(syllables: string, q: string): boolean {
  const go = (pos: number, qi: number): boolean => {
    if (qi === q.length) return true;
    if (pos >= syllables.length) return false;
    let end = syllables.indexOf(' ', pos);
    if (end < 0) end = syllables.length;
    let common = 0;
    while (pos + common < end && qi + common < q.length && syllables.charCodeAt(pos + common) === q.charCodeAt(qi + common)) common++;
    for (let k = common; k >= 1; k--) if (go(end + 1, qi + k)) return true;
    return false;
  };
  return go(0, 0);
}

/**
 * Turns the typed text into a predicate once, so filtering 50k rows per keystroke does not
 * re-normalize the query for every row.
 */
export function compileQuery(rawQuery: string): (row: Searchable) => boolean {
  const q = normalizeQuery(rawQuery);
  if (!q) return () => true;
  if (/^[a-z]+$/.test(q)) {
    // Initials and full pinyin match from the start; a longer fragment may match the given name alone.
    const inside = q.length >= 3;
    const first = q.charCodeAt(0);
    return (row) =>
      row.name.includes(q) || row.initials.startsWith(q) || row.pinyin.startsWith(q) || (inside && row.pinyin.includes(q)) ||
      (row.initials.charCodeAt(0) === first && matchesSyllables(row.syllables, q));
  }
  if (/^[\dx]+$/.test(q)) {
    const upper = q.toUpperCase();
    const phoneToo = q.length >= 3;
    return (row) => row.idNumber.includes(upper) || (phoneToo && row.phone.includes(q));
  }
  return (row) => row.name.includes(q);
}

function normalizeQuery(rawQuery: string): string {
  return rawQuery.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '').replace(/ü/g, 'v');
}

function queryKind(q: string): 'letters' | 'digits' | 'text' {
  return /^[a-z]+$/.test(q) ? 'letters' : /^[\dx]+$/.test(q) ? 'digits' : 'text';
}

/**
 * True when every row matching `next` also matches `prev`, so a list already filtered by `prev`
 * can be filtered again instead of scanning all rows (typing "chen" after "che").
 * Short queries match differently (prefix only, no phone), hence the length rule.
 */
export function narrows(prev: string, next: string): boolean {
  const p = normalizeQuery(prev);
  const n = normalizeQuery(next);
  if (!p) return true;
  if (!n.startsWith(p) || queryKind(p) !== queryKind(n)) return false;
  // Fragments of three or more also match inside the pinyin / the phone number: a step across
  // that boundary (2 → 3 characters) can add rows.
  return queryKind(p) === 'text' || p.length >= 3 || n.length < 3;
}

/** True when the query matches the row in any of the accepted ways. */
export function matchesQuery(row: Searchable, rawQuery: string): boolean {
  return compileQuery(rawQuery)(row);
}
