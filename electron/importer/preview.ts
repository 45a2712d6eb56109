/**
 * The whole 花名册 read, without touching the vault: sheet → table → rows → normalized and
 * validated cadre inputs, sorted into accepted / warned / refused / already on file.
 */
import { AppError } from '../../shared/contract/define.js';
import type { ReportProgress } from '../../shared/contract/job.js';
import type { ExistingRow, ImportColumn, ImportIssue, ImportPreview, ImportRow } from '../../shared/contract/import.js';
import { cadreInputSchema, type Cadre, type CadreFields } from '../../shared/domain/cadre.js';
import { townCodeFrom } from '../../shared/domain/towns.js';
import type { Village } from '../../shared/domain/village.js';
import { checkIdNumber } from '../../shared/rules/idCard.js';
import { parseAssessmentText } from '../../shared/rules/assessment.js';
import { parseResumeText } from '../../shared/rules/resume.js';
import { isVillagePost, readCell, unescapeText } from './cells.js';
import { FIELD_BY_KEY, IMPORT_FIELDS, columnLetter } from './fields.js';
import { diffCadre, mergeProvided } from './merge.js';
import { pickSheet, type DetectedTable } from './table.js';
import { villageLookup } from './villageMatch.js';

/** One batch must fit in one save and one screen of preview; the district has ~3,000 cadres. */
export const MAX_ROWS = 50_000;

export interface PreviewOptions {
  sheet?: string;
  mapping?: Record<string, string>;
}

export interface PreviewContext {
  villages: Village[];
  cadres: Cadre[];
}

interface RowOutcome {
  row: number;
  name: string;
  data?: CadreFields;
  provided: Set<string>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export function previewFile(
  bytes: Buffer,
  fileName: string,
  opts: PreviewOptions,
  ctx: PreviewContext,
  progress: ReportProgress = () => {},
): ImportPreview {
  progress(0, 1, '读取');
  const { sheets, chooseSheet, sheet, table } = pickSheet(bytes, fileName, opts.sheet);
  const fields = IMPORT_FIELDS.map((f) => ({ key: f.key, label: f.label }));
  const empty: ImportPreview = {
    fileName, sheets, sheet: '', chooseSheet: false, headerRow: 0, columns: [], fields,
    accepted: [], warned: [], refused: [], existing: [],
  };
  if (chooseSheet) return { ...empty, chooseSheet: true };
  if (!table) return { ...empty, sheet };
  if (table.rows.length > MAX_ROWS) {
    throw new AppError('INVALID', `工作表“${sheet}”有 ${table.rows.length} 行，超过一次导入的上限 ${MAX_ROWS} 行，请拆分后分批导入`);
  }
  const columns = applyMapping(table, opts.mapping);
  const lookup = villageLookup(ctx.villages);
  const total = table.rows.length;
  const outcomes = table.rows.map((r, i) => {
    if (i % 200 === 0) progress(i, total, '校验');
    return readRow(r.excelRow, r.cells, columns, lookup);
  });
  progress(total, total, '校验');
  markDuplicates(outcomes, columns);
  return { ...empty, sheet, headerRow: table.headerRow, columns, ...sortOutcomes(outcomes, ctx, columns) };
}

/** The detected columns with the user's corrections; `known` tells the field keys of this kind of sheet. */
export function applyMapping(
  table: DetectedTable,
  mapping: Record<string, string> | undefined,
  known: (field: string) => boolean = (f) => FIELD_BY_KEY.has(f),
): ImportColumn[] {
  const cols = table.columns.map((c) => ({
    index: c.index,
    letter: columnLetter(c.index),
    header: c.header,
    key: c.key,
    field: mapping && c.key in mapping ? (known(mapping[c.key]) ? mapping[c.key] : '') : c.detected,
  }));
  // A field chosen for two columns: the user's explicit choice wins, then the leftmost.
  const owner = new Map<string, ImportColumn>();
  for (const c of cols) {
    if (!c.field) continue;
    const prev = owner.get(c.field);
    const explicit = !!mapping && c.key in mapping;
    if (!prev) owner.set(c.field, c);
    else if (explicit && !(mapping && prev.key in mapping)) {
      prev.field = '';
      owner.set(c.field, c);
    } else c.field = '';
  }
  return cols;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const [a, b] = path.split('.');
  if (b === undefined) obj[a] = value;
  else obj[a] = { ...((obj[a]) ?? {}), [b]: value };
}

/** The column a schema path came from; 'resume.2.text' and 'assessments.0.grade' belong to their list's column. */
function headerOf(columns: ImportColumn[], field: string): string {
  const top = field.split('.')[0];
  const key = FIELD_BY_KEY.has(field) ? field : top === 'assessments' ? 'assessmentText' : top;
  return columns.find((c) => c.field === key)?.header ?? FIELD_BY_KEY.get(key)?.label ?? STORED_ONLY[top] ?? field;
}

/** Parts of a stored record no 花名册 column fills, named when merging with it fails on them. */
const STORED_ONLY: Record<string, string> = { family: '家庭成员（档案中）', relations: '亲属关系（档案中）', negativeFlags: '十不选（档案中）' };

function readRow(
  excelRow: number,
  cells: ({ v: string | number | boolean; text: string } | null)[],
  columns: ImportColumn[],
  lookupVillage: ReturnType<typeof villageLookup>,
): RowOutcome {
  const data: Record<string, unknown> = {};
  const provided = new Set<string>();
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const errorFields = new Set<string>();
  let townCode: string | undefined;
  let villageText = '';
  let unknownPost = '';
  for (const col of columns) {
    const f = col.field ? FIELD_BY_KEY.get(col.field) : undefined;
    if (!f || f.kind === 'ignore') continue;
    const cell = cells[col.index];
    // A blank cell says nothing: for a person already on file it must not erase what is there.
    if (!cell || cell.text === '') continue;
    provided.add(f.key);
    if (f.kind === 'resume') {
      // Lines we cannot date are kept as written (a warning, not a refusal): nothing the clerk typed is lost.
      const r = parseResumeText(unescapeText(cell.text));
      for (const i of r.issues) warnings.push({ row: excelRow, column: col.header, message: i.message });
      data.resume = r.lines;
      continue;
    }
    if (f.kind === 'assessment') {
      const text = unescapeText(cell.text);
      const r = parseAssessmentText(text);
      for (const i of r.issues) warnings.push({ row: excelRow, column: col.header, message: `${i}；原文已保留在“年度考核结果”中` });
      data.assessmentText = text;
      if (r.assessments.length) {
        data.assessments = r.assessments;
        provided.add('assessments');
      }
      continue;
    }
    const r = readCell(f.kind, cell);
    if (!r.ok) {
      errors.push({ row: excelRow, column: col.header, message: r.message });
      errorFields.add(f.key);
      continue;
    }
    if (r.warning) warnings.push({ row: excelRow, column: col.header, message: r.warning });
    if (r.value === '') {
      provided.delete(f.key);
      continue;
    }
    if (f.kind === 'town') {
      townCode = townCodeFrom(r.value);
      if (!townCode) warnings.push({ row: excelRow, column: col.header, message: `“${r.value}”不是顺德区的镇街` });
    } else if (f.kind === 'village') villageText = r.value;
    else if (f.kind === 'post' && !isVillagePost(r.value)) unknownPost = r.value;
    else setPath(data, f.key, r.value);
  }
  if (villageText) {
    const hit = lookupVillage(villageText, townCode);
    if (hit.village) {
      data.villageId = hit.village.id;
      provided.add('villageId');
    }
    if (hit.warning) warnings.push({ row: excelRow, column: headerOf(columns, 'village'), message: hit.warning });
  }
  if (unknownPost) {
    provided.delete('villagePost');
    if (!data.currentPosition) {
      data.currentPosition = unknownPost;
      provided.add('currentPosition');
    }
  }
  // A 花名册 without 出生年月 or 性别 columns: both are in the ID number.
  const id = typeof data.idNumber === 'string' ? checkIdNumber(data.idNumber) : undefined;
  if (id?.ok) {
    if (!data.birth && !errorFields.has('birth')) data.birth = id.birth;
    if (!data.sex && !errorFields.has('sex')) data.sex = id.sex;
  }
  const name = typeof data.name === 'string' ? data.name : '';
  // Blank required cells get the schema's own Chinese message ("姓名不能为空").
  for (const k of ['name', 'idNumber', 'birth'] as const) if (data[k] === undefined && !errorFields.has(k)) data[k] = '';
  const parsed = cadreInputSchema.safeParse(data);
  if (!parsed.success) {
    const seen = new Set<string>();
    const idWrong = errorFields.has('idNumber') || parsed.error.issues.some((i) => i.path[0] === 'idNumber');
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.');
      if (errorFields.has(field) || seen.has(field)) continue;
      // Without a good ID, missing 出生年月/性别 (which come from it) are not separate mistakes.
      if (idWrong && (field === 'birth' || field === 'sex') && !provided.has(field)) continue;
      seen.add(field);
      // Several 简历 lines share one cell: say which one is too long.
      const where = issue.path[0] === 'resume' && typeof issue.path[1] === 'number' ? `简历第 ${issue.path[1] + 1} 段` : '';
      errors.push({ row: excelRow, column: headerOf(columns, field), message: where + issue.message });
    }
  }
  return { row: excelRow, name, data: errors.length === 0 && parsed.success ? parsed.data : undefined, provided, errors, warnings };
}

/** The same person twice in one file: we cannot tell which row is right, so both are refused. */
function markDuplicates(outcomes: RowOutcome[], columns: ImportColumn[]): void {
  const byId = new Map<string, RowOutcome[]>();
  for (const o of outcomes) {
    if (!o.data) continue;
    byId.set(o.data.idNumber, [...(byId.get(o.data.idNumber) ?? []), o]);
  }
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    for (const o of group) {
      const others = group.filter((x) => x !== o).map((x) => x.row).join('、');
      o.errors.push({ row: o.row, column: headerOf(columns, 'idNumber'), message: `身份证号码与第 ${others} 行重复，同一人只能有一行，请核对后删除多余的行` });
      o.data = undefined;
    }
  }
}

function sortOutcomes(outcomes: RowOutcome[], ctx: PreviewContext, columns: ImportColumn[]) {
  const live = new Map<string, Cadre>();
  const trashed = new Map<string, Cadre>();
  for (const c of ctx.cadres) (c.deletedAt ? trashed : live).set(c.idNumber, c);
  const villageName = new Map(ctx.villages.map((v) => [v.id, v.name]));
  const accepted: ImportRow[] = [];
  const warned: ImportRow[] = [];
  const refused: ImportPreview['refused'] = [];
  const existing: ExistingRow[] = [];
  for (const o of outcomes) {
    if (!o.data) {
      refused.push({ row: o.row, name: o.name, issues: o.errors });
      continue;
    }
    const current = live.get(o.data.idNumber);
    if (current) {
      const merged = cadreInputSchema.safeParse(mergeProvided(current, o.data, o.provided));
      if (!merged.success) {
        refused.push({
          row: o.row,
          name: o.name,
          issues: merged.error.issues.map((i) => ({ row: o.row, column: headerOf(columns, i.path.join('.')), message: `与已有档案合并后：${i.message}` })),
        });
        continue;
      }
      existing.push({
        row: o.row, cadreId: current.id, updatedAt: current.updatedAt, name: current.name, idNumber: current.idNumber,
        data: merged.data, diffs: diffCadre(current, merged.data, o.provided, villageName), warnings: o.warnings,
      });
      continue;
    }
    const old = trashed.get(o.data.idNumber);
    if (old) {
      o.warnings.push({ row: o.row, column: headerOf(columns, 'idNumber'), message: `回收站中有 ${old.name} 的档案（同一身份证号码）；导入将新建一份，如需沿用原档案请先从回收站恢复` });
    }
    (o.warnings.length ? warned : accepted).push({ row: o.row, data: o.data, warnings: o.warnings });
  }
  return { accepted, warned, refused, existing };
}
