/**
 * The cadre list as data: columns, facet filters, sorting. Pure functions so the page stays
 * thin and the 50k-row path can be measured and tested without a browser.
 */
import type { CadreRow } from '../contract/cadre.js';
import { townName, TOWNS } from '../domain/towns.js';
import { ageAt } from './dates.js';

/** A list row with what the table shows derived once per load, not per render. */
export interface ListRow extends CadreRow {
  age: number;
  townName: string;
  tagText: string;
}

export function toListRows(rows: CadreRow[], refDate: string): ListRow[] {
  return rows.map((r) => ({
    ...r,
    // A 历史任职干部 holds no post; the column says so rather than staying blank.
    villagePost: r.former ? '历史任职干部' : r.villagePost,
    age: r.birth ? ageAt(r.birth, refDate) : NaN,
    townName: townName(r.townCode),
    tagText: r.tags.join('、'),
  }));
}

export const AGE_BANDS = [
  { value: 'le35', label: '35岁及以下', test: (a: number) => a <= 35 },
  { value: '36-45', label: '36–45岁', test: (a: number) => a >= 36 && a <= 45 },
  { value: '46-55', label: '46–55岁', test: (a: number) => a >= 46 && a <= 55 },
  { value: 'gt55', label: '55岁以上', test: (a: number) => a > 55 },
] as const;

export interface CadreFilters {
  towns: string[];
  villages: string[];
  posts: string[];
  ageBands: string[];
  sex: '' | '男' | '女';
  education: string[];
  political: string[];
  tags: string[];
  /** 任职状态: '' = everyone, 在任, or 历史任职干部 (left every post). */
  serving?: '' | '在任' | '历史任职干部';
}

export const NO_FILTERS: CadreFilters = { towns: [], villages: [], posts: [], ageBands: [], sex: '', education: [], political: [], tags: [], serving: '' };

export function hasFilters(f: CadreFilters): boolean {
  return f.sex !== '' || !!f.serving || (Object.keys(NO_FILTERS) as (keyof CadreFilters)[]).some((k) => Array.isArray(f[k]) && (f[k] as string[]).length > 0);
}

/** Each facet is an OR inside itself and an AND with the others, as people expect of filter bars. */
export function facetPredicate(f: CadreFilters): (r: ListRow) => boolean {
  const towns = new Set(f.towns);
  const villages = new Set(f.villages);
  const posts = new Set(f.posts);
  const education = new Set(f.education);
  const political = new Set(f.political);
  const bands = AGE_BANDS.filter((b) => f.ageBands.includes(b.value));
  const tags = f.tags;
  return (r) =>
    (towns.size === 0 || towns.has(r.townCode)) &&
    (villages.size === 0 || (r.villageId !== undefined && villages.has(r.villageId))) &&
    (posts.size === 0 || (r.villagePost !== undefined && posts.has(r.villagePost))) &&
    (f.sex === '' || r.sex === f.sex) &&
    (education.size === 0 || education.has(r.education)) &&
    (political.size === 0 || political.has(r.politicalStatus)) &&
    (bands.length === 0 || bands.some((b) => b.test(r.age))) &&
    (tags.length === 0 || tags.some((t) => r.tags.includes(t))) &&
    (!f.serving || (f.serving === '历史任职干部') === !!r.former);
}

export type ColumnKey =
  | 'name' | 'sex' | 'birth' | 'age' | 'townName' | 'villageName' | 'villagePost' | 'postSince'
  | 'education' | 'politicalStatus' | 'ethnicity' | 'idNumber' | 'phone' | 'tagText';

export interface Column {
  key: ColumnKey;
  label: string;
  width: number;
  /** Numeric columns sort as numbers; the rest by Chinese collation. */
  numeric?: boolean;
}

export const COLUMNS: Column[] = [
  { key: 'name', label: '姓名', width: 96 },
  { key: 'sex', label: '性别', width: 56 },
  { key: 'birth', label: '出生年月', width: 88 },
  { key: 'age', label: '年龄', width: 60, numeric: true },
  { key: 'townName', label: '镇街', width: 70 },
  { key: 'villageName', label: '村（社区）', width: 130 },
  { key: 'villagePost', label: '村职务', width: 140 },
  { key: 'postSince', label: '任现职时间', width: 96 },
  { key: 'education', label: '学历', width: 70 },
  { key: 'politicalStatus', label: '政治面貌', width: 100 },
  { key: 'ethnicity', label: '民族', width: 70 },
  { key: 'idNumber', label: '身份证号码', width: 180 },
  { key: 'phone', label: '联系电话', width: 120 },
  { key: 'tagText', label: '人才类别', width: 130 },
];

export const DEFAULT_COLUMNS: ColumnKey[] = ['name', 'sex', 'birth', 'age', 'townName', 'villageName', 'villagePost', 'postSince', 'education', 'politicalStatus', 'phone', 'tagText'];

export interface SortSpec {
  key: ColumnKey;
  dir: 'asc' | 'desc';
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

/** Town order follows the official list (大良 first), not the alphabet. */
const TOWN_ORDER = new Map<string, number>(TOWNS.map((t, i) => [t.name, i]));

export function sortRows(rows: ListRow[], sort: SortSpec | null): ListRow[] {
  if (!sort) return rows;
  const col = COLUMNS.find((c) => c.key === sort.key);
  if (!col) return rows;
  const k = sort.key;
  const sign = sort.dir === 'asc' ? 1 : -1;
  let cmp: (a: ListRow, b: ListRow) => number;
  if (col.numeric) {
    cmp = (a, b) => ((a[k] as number) || 0) - ((b[k] as number) || 0);
  } else if (k === 'townName') {
    cmp = (a, b) => (TOWN_ORDER.get(a.townName) ?? 99) - (TOWN_ORDER.get(b.townName) ?? 99);
  } else {
    // Precompute collation keys once: Intl compare on 50k rows inside sort() would be slow.
    const keyed = rows.map((r) => ({ r, s: String(r[k] ?? '') }));
    const distinct = [...new Set(keyed.map((x) => x.s))].sort(collator.compare);
    const rank = new Map(distinct.map((s, i) => [s, i]));
    return keyed
      .map((x) => ({ r: x.r, n: rank.get(x.s)! }))
      .sort((a, b) => (a.n - b.n) * sign || (a.r.name < b.r.name ? -1 : a.r.name > b.r.name ? 1 : 0))
      .map((x) => x.r);
  }
  return rows.slice().sort((a, b) => cmp(a, b) * sign);
}

/** "镇街：大良、容桂；性别：女" — said under the list and carried into exports. */
export function describeFilters(f: CadreFilters, villageName: (id: string) => string, query: string): string {
  const parts: string[] = [];
  if (f.towns.length) parts.push(`镇街：${f.towns.map(townName).join('、')}`);
  if (f.villages.length) parts.push(`村（社区）：${f.villages.map(villageName).join('、')}`);
  if (f.posts.length) parts.push(`村职务：${f.posts.join('、')}`);
  if (f.ageBands.length) parts.push(`年龄：${AGE_BANDS.filter((b) => f.ageBands.includes(b.value)).map((b) => b.label).join('、')}`);
  if (f.sex) parts.push(`性别：${f.sex}`);
  if (f.education.length) parts.push(`学历：${f.education.join('、')}`);
  if (f.political.length) parts.push(`政治面貌：${f.political.join('、')}`);
  if (f.tags.length) parts.push(`人才类别：${f.tags.join('、')}`);
  if (query.trim()) parts.push(`搜索：“${query.trim()}”`);
  return parts.join('；');
}
