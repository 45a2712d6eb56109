/**
 * 村（社区） roster import: the same sheet reading, header detection and row-level Chinese
 * messages as the 花名册, for village reference data. Preview changes nothing and runs in a worker;
 * commit (villageRosterCommit.ts) takes the previewed rows all or nothing in one save.
 */
import { AppError } from '../../shared/contract/define.js';
import type { ImportColumn, ImportDiff, ImportIssue, VillageData, VillageExistingRow, VillageImportPreview, VillageImportRow } from '../../shared/contract/import.js';
import { townName } from '../../shared/domain/towns.js';
import { villageInputSchema, type Village } from '../../shared/domain/village.js';
import { applyMapping } from './preview.js';
import { pickSheet } from './table.js';
import { VILLAGE_FIELDS, VILLAGE_FIELD_BY_KEY, VILLAGE_TABLE, readVillageCell } from './villageFields.js';
import type { Cell } from './workbook.js';
import { scalarText } from '../../shared/rules/text.js';

/** The district has ~200 villages; a sheet far longer than that is not a village roster. */
export const MAX_VILLAGE_ROWS = 5_000;

const squeeze = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '');
export const keyOf = (townCode: string, name: string) => `${townCode}|${squeeze(name)}`;
export const place = (townCode: string, name: string) => `${townName(townCode)}${name}`;

/** Fields the diff and the merge look at, with the label shown to the user. */
const COMPARED: [keyof VillageData, string][] = [
  ['kind', '类型'], ['strength', '战斗力'], ['weakLax', '软弱涣散'], ['demonstration', '示范村'],
  ['redVillage', '红色村'], ['crossPilot', '跨村任职试点'], ['note', '备注'],
];

function show(field: keyof VillageData, v: unknown): string {
  if (field === 'weakLax') {
    const w = v as VillageData['weakLax'];
    return w ? `${w.year}（${w.status}）` : '否';
  }
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v === null || v === undefined) return field === 'demonstration' ? '否' : '';
  return scalarText(v);
}

function editable(v: Village): VillageData {
  const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...rest } = v;
  return rest;
}

interface RowOutcome {
  row: number;
  name: string;
  townCode?: string;
  data?: VillageData;
  current?: Village;
  errors: ImportIssue[];
}

export function previewVillages(
  bytes: Buffer,
  fileName: string,
  opts: { sheet?: string; mapping?: Record<string, string> },
  villages: Village[],
): VillageImportPreview {
  const { sheets, chooseSheet, sheet, table } = pickSheet(bytes, fileName, opts.sheet, VILLAGE_TABLE);
  const empty: VillageImportPreview = {
    fileName, sheets, sheet: '', chooseSheet: false, headerRow: 0, columns: [],
    fields: VILLAGE_FIELDS.map((f) => ({ key: f.key, label: f.label })), accepted: [], refused: [], existing: [],
  };
  if (chooseSheet) return { ...empty, chooseSheet: true };
  if (!table) return { ...empty, sheet };
  if (table.rows.length > MAX_VILLAGE_ROWS) {
    throw new AppError('INVALID', `工作表“${sheet}”有 ${table.rows.length} 行，不像是村（社区）名册（全区约 200 个村居），请检查后再导入`);
  }
  const columns = applyMapping(table, opts.mapping, (f) => VILLAGE_FIELD_BY_KEY.has(f));
  const live = new Map<string, Village>();
  for (const v of villages) if (!v.deletedAt) live.set(keyOf(v.townCode, v.name), v);
  const outcomes = table.rows.map((r) => readRow(r.excelRow, r.cells, columns, live));
  markDuplicates(outcomes, columns);

  const accepted: VillageImportRow[] = [];
  const existing: VillageExistingRow[] = [];
  const refused: VillageImportPreview['refused'] = [];
  for (const o of outcomes) {
    if (!o.data) refused.push({ row: o.row, name: o.name, issues: o.errors });
    else if (o.current) {
      const before = editable(o.current);
      const diffs: ImportDiff[] = COMPARED.filter(([k]) => JSON.stringify(before[k]) !== JSON.stringify(o.data![k])).map(([k, label]) => ({
        field: k, label, before: show(k, before[k]), after: show(k, o.data![k]),
      }));
      existing.push({ row: o.row, villageId: o.current.id, updatedAt: o.current.updatedAt, name: o.current.name, townCode: o.current.townCode, data: o.data, diffs });
    } else accepted.push({ row: o.row, data: o.data });
  }
  return { ...empty, sheet, headerRow: table.headerRow, columns, accepted, refused, existing };
}

const headerOf = (columns: ImportColumn[], field: string) =>
  columns.find((c) => c.field === field)?.header ?? VILLAGE_FIELD_BY_KEY.get(field)?.label ?? field;

/** Schema paths to the column that holds them. */
const COLUMN_OF: Record<string, string> = { townCode: 'town', 'weakLax.year': 'weakLaxYear', 'weakLax.status': 'weakLaxStatus' };

function readRow(row: number, cells: (Cell | null)[], columns: ImportColumn[], live: Map<string, Village>): RowOutcome {
  const values = new Map<string, string>();
  const errors: ImportIssue[] = [];
  const failed = new Set<string>();
  for (const col of columns) {
    const f = col.field ? VILLAGE_FIELD_BY_KEY.get(col.field) : undefined;
    const cell = cells[col.index];
    // A blank cell says nothing: for a village already on file it keeps what is there.
    if (!f || f.kind === 'ignore' || !cell || cell.text === '') continue;
    const r = readVillageCell(f, cell);
    if (r.ok) values.set(f.key, r.value);
    else {
      errors.push({ row, column: col.header, message: r.message });
      failed.add(f.key);
    }
  }
  const name = values.get('name') ?? '';
  const townCode = values.get('town');
  if (!name && !failed.has('name')) errors.push({ row, column: headerOf(columns, 'name'), message: '村（社区）名称不能为空' });
  if (!townCode && !failed.has('town')) errors.push({ row, column: headerOf(columns, 'town'), message: '镇街不能为空，请填写大良、容桂等' });
  if (errors.length || !townCode) return { row, name, townCode, errors };

  const current = live.get(keyOf(townCode, name));
  const base: Record<string, unknown> = current
    ? { ...editable(current) }
    : { name, townCode, kind: name.endsWith('社区') ? '社区' : '村' };
  if (values.has('kind')) base.kind = values.get('kind');
  if (values.has('strength')) base.strength = values.get('strength');
  if (values.has('note')) base.note = values.get('note');
  if (values.has('demonstration')) base.demonstration = values.get('demonstration') || null;
  for (const k of ['redVillage', 'crossPilot'] as const) if (values.has(k)) base[k] = values.get(k) === '是';
  const yearText = values.get('weakLaxYear');
  const statusText = values.get('weakLaxStatus');
  const stored = current?.weakLax ?? null;
  if (yearText === '') base.weakLax = null;
  else if (yearText !== undefined) {
    const [year, embedded] = yearText.split('|');
    // A village listed again in the same year keeps its 整顿 status unless the file gives one.
    const status = statusText ?? embedded ?? (stored && stored.year === Number(year) ? stored.status : '整顿中');
    base.weakLax = { year: Number(year), status };
  } else if (statusText !== undefined) {
    if (!stored) {
      errors.push({ row, column: headerOf(columns, 'weakLaxStatus'), message: `填写了整顿情况“${statusText}”，但没有软弱涣散年份；请在“软弱涣散年份”列写明列入年份` });
      return { row, name, townCode, errors };
    }
    base.weakLax = { ...stored, status: statusText };
  }
  const parsed = villageInputSchema.safeParse(base);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      errors.push({ row, column: headerOf(columns, COLUMN_OF[path] ?? String(issue.path[0])), message: issue.message });
    }
    return { row, name, townCode, errors };
  }
  return { row, name, townCode, data: parsed.data, current, errors };
}

/** The same village twice in one file: we cannot tell which row is right, so both are refused. */
function markDuplicates(outcomes: RowOutcome[], columns: ImportColumn[]): void {
  const byKey = new Map<string, RowOutcome[]>();
  for (const o of outcomes) {
    if (!o.data || !o.townCode) continue;
    const k = keyOf(o.townCode, o.name);
    byKey.set(k, [...(byKey.get(k) ?? []), o]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const o of group) {
      const others = group.filter((x) => x !== o).map((x) => x.row).join('、');
      o.errors.push({ row: o.row, column: headerOf(columns, 'name'), message: `与第 ${others} 行是同一个村（社区）（${place(o.townCode!, o.name)}），请核对后只留一行` });
      o.data = undefined;
    }
  }
}
