/**
 * The 村（社区） roster columns: 镇街, 名称, 类型, 战斗力, 软弱涣散 (year, 整顿情况), 示范村,
 * 红色村, 跨村任职试点, 备注 — with the spellings towns use, and how each cell is read.
 */
import { townCodeFrom } from '../../shared/domain/towns.js';
import type { CellResult } from './cells.js';
import { unescapeText } from './cells.js';
import { makeHeaderMatcher } from './fields.js';
import type { TableSpec } from './table.js';
import type { Cell } from './workbook.js';

export type VillageFieldKind = 'town' | 'name' | 'kind' | 'strength' | 'weakLaxYear' | 'weakLaxStatus' | 'demonstration' | 'flag' | 'text' | 'ignore';

export interface VillageImportField {
  key: string;
  label: string;
  kind: VillageFieldKind;
  synonyms: string[];
}

export const VILLAGE_FIELDS: VillageImportField[] = [
  { key: 'seq', label: '序号', kind: 'ignore', synonyms: ['编号', 'No', 'NO.'] },
  { key: 'town', label: '镇街', kind: 'town', synonyms: ['镇(街道)', '所属镇街', '镇街道', '镇(街)', '所在镇街', '镇'] },
  {
    key: 'name', label: '村（社区）名称', kind: 'name',
    synonyms: ['村(社区)', '村居名称', '村居', '名称', '村名', '村(居)', '村(居)名称', '村(社区)名', '村(社区)全称', '社区名称', '村委会名称', '单位名称'],
  },
  { key: 'kind', label: '类型', kind: 'kind', synonyms: ['村居类型', '村/社区', '村(社区)类型', '性质'] },
  { key: 'strength', label: '战斗力', kind: 'strength', synonyms: ['强弱', '战斗力/强弱', '班子战斗力', '班子强弱', '班子战斗力强弱'] },
  { key: 'weakLaxYear', label: '软弱涣散年份', kind: 'weakLaxYear', synonyms: ['软弱涣散', '软弱涣散村', '列入软弱涣散年份', '列入软弱涣散时间', '软弱涣散村年份'] },
  { key: 'weakLaxStatus', label: '整顿情况', kind: 'weakLaxStatus', synonyms: ['整顿状态', '整顿进展', '软弱涣散整顿情况'] },
  { key: 'demonstration', label: '示范村', kind: 'demonstration', synonyms: ['示范村级别', '示范村(社区)'] },
  { key: 'redVillage', label: '红色村', kind: 'flag', synonyms: ['是否红色村'] },
  { key: 'crossPilot', label: '跨村任职试点', kind: 'flag', synonyms: ['试点', '跨村任职', '是否试点', '是否跨村任职试点'] },
  { key: 'note', label: '备注', kind: 'text', synonyms: ['说明'] },
];

export const VILLAGE_FIELD_BY_KEY = new Map(VILLAGE_FIELDS.map((f) => [f.key, f]));

const RULES = [
  [/整顿/, 'weakLaxStatus'],
  [/软弱涣散/, 'weakLaxYear'],
  [/示范/, 'demonstration'],
  [/红色/, 'redVillage'],
  [/试点|跨村任职/, 'crossPilot'],
  [/战斗力|强弱/, 'strength'],
] as const;

export const villageFieldForHeader = makeHeaderMatcher(VILLAGE_FIELDS, RULES);

/** A 村居 roster's header row names the 村（社区）. */
export const VILLAGE_TABLE: TableSpec = { fieldFor: villageFieldForHeader, anchors: ['name'] };

const squeeze = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '');
/** What people put in a yes/no column. */
const YES = /^(是|√|✓|✔|☑|y|yes|true|1|有)$/i;
const NO = /^(否|不是|×|✗|✘|n|no|false|0|无|没有|-|—|－|\/)$/i;

export function flagValue(text: string, label: string): CellResult {
  const s = squeeze(text);
  if (s === '' || NO.test(s)) return { ok: true, value: '否' };
  // "红色村" written in the 红色村 column, "试点" in the 试点 column.
  if (YES.test(s) || (s.length >= 2 && label.endsWith(s))) return { ok: true, value: '是' };
  return { ok: false, message: `${label}“${text}”应填 是 或 否` };
}

function kindValue(s: string): CellResult {
  if (/^(村|行政村|村委会|村民委员会)$/.test(s)) return { ok: true, value: '村' };
  if (/^(社区|居委会|居民委员会|居)$/.test(s)) return { ok: true, value: '社区' };
  return { ok: false, message: `类型“${s}”应为 村 或 社区` };
}

function strengthValue(s: string): CellResult {
  if (/^(强|较强|好|好的)$/.test(s)) return { ok: true, value: '强' };
  if (/^(一般|中|中等|普通|较好)$/.test(s)) return { ok: true, value: '一般' };
  if (/^(弱|较弱|差|较差)$/.test(s)) return { ok: true, value: '弱' };
  return { ok: false, message: `战斗力“${s}”应为 强、一般 或 弱` };
}

/**
 * "2023", "2023年", 2023 (a number), "2023.05" (a 列入时间: the year counts), "2023（已整顿）";
 * "否" / blank = not listed (value '').
 */
function weakLaxYearValue(cell: Cell, s: string): CellResult {
  if (s === '' || NO.test(s)) return { ok: true, value: '' };
  const text = typeof cell.v === 'number' ? String(cell.v) : s;
  const m = /^((?:19|20|21)\d\d)(年度?|[.\-/年]\d{1,2}月?)?(\((已整顿|整顿中|已销号|已完成)\))?$/.exec(text.replace(/（/g, '(').replace(/）/g, ')'));
  if (!m) {
    if (YES.test(s)) return { ok: false, message: `请写列入软弱涣散的年份（如 2023），不要只写“${s}”` };
    return { ok: false, message: `软弱涣散年份“${text}”应写成 2023 这样的四位年份` };
  }
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return { ok: false, message: `软弱涣散年份 ${year} 应在 2000–2100 之间` };
  return { ok: true, value: m[4] ? `${year}|${m[4] === '整顿中' ? '整顿中' : '已整顿'}` : String(year) };
}

function weakLaxStatusValue(s: string): CellResult {
  if (/^(整顿中|正在整顿|未完成|未整顿)$/.test(s)) return { ok: true, value: '整顿中' };
  if (/^(已整顿|已销号|已完成|整顿完成|已转化)$/.test(s)) return { ok: true, value: '已整顿' };
  return { ok: false, message: `整顿情况“${s}”应为 整顿中 或 已整顿` };
}

function demonstrationValue(s: string): CellResult {
  if (s === '' || NO.test(s)) return { ok: true, value: '' };
  if (/^区(级)?(示范村)?$/.test(s)) return { ok: true, value: '区级' };
  if (/^市(级)?(示范村)?$/.test(s)) return { ok: true, value: '市级' };
  if (YES.test(s)) return { ok: false, message: `示范村请写“区级”或“市级”，不要只写“${s}”` };
  return { ok: false, message: `示范村“${s}”应为 区级 或 市级` };
}

/** One cell → the text form of its value ('' = blank / not listed), or a row-refusing message. */
export function readVillageCell(field: VillageImportField, cell: Cell): CellResult {
  const raw = unescapeText(cell.text);
  const s = squeeze(raw);
  switch (field.kind) {
    case 'town':
      return townCodeFrom(s) ? { ok: true, value: townCodeFrom(s)! } : { ok: false, message: `镇街“${raw}”不是顺德区的十个镇街之一` };
    case 'name':
      return { ok: true, value: s };
    case 'kind':
      return kindValue(s);
    case 'strength':
      return strengthValue(s);
    case 'weakLaxYear':
      return weakLaxYearValue(cell, s);
    case 'weakLaxStatus':
      return weakLaxStatusValue(s);
    case 'demonstration':
      return demonstrationValue(s);
    case 'flag':
      return flagValue(raw, field.label);
    case 'text':
      return { ok: true, value: raw.trim() };
    default:
      return { ok: true, value: '' };
  }
}
