/**
 * A .docx 审批表 coming in: matched to a 档案 by 姓名 + 出生年月 (the form has no 身份证号码),
 * compared field by field as the form prints them, and planned as one import batch. Only fields
 * that differ are written, and only fields the form showed: a field continued on a 续页, an
 * unreadable date or the birth months of a 年龄 family table stay as they are on file.
 */
import { AppError } from '../../shared/contract/define.js';
import type { DocxDifference, DocxImportItem } from '../../shared/contract/docx.js';
import { cadreInputSchema, type Cadre, type FamilyMember } from '../../shared/domain/cadre.js';
import { DEGREES, EDUCATION_LEVELS, ETHNICITIES, HEALTH_STATUSES, normalizeCode, POLITICAL_STATUSES } from '../../shared/domain/codes.js';
import { mergeAssessments, parseAssessmentText } from '../../shared/rules/assessment.js';
import type { BatchCreate, BatchUpdate } from '../importer/batchRows.js';
import { editableFields } from '../importer/merge.js';
import { assessmentLine, bareName, FAMILY_ROWS, resumeLineParts, schoolLines, textParagraphs } from '../print/rmbData.js';
import { readRmbDocx, type RmbDocxRead, type RmbDocxResult } from './readRmb.js';
import { scalarText } from '../../shared/rules/text.js';

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const code = (table: readonly string[], v: string) => normalizeCode(table, v) ?? v;

type Scalar = [key: keyof RmbDocxRead & keyof Cadre, field: string, table?: readonly string[]];
const SCALARS: Scalar[] = [
  ['name', '姓名'], ['sex', '性别'], ['birth', '出生年月'], ['ethnicity', '民族', ETHNICITIES], ['nativePlace', '籍贯'], ['birthPlace', '出生地'],
  ['partyJoinDate', '入党时间'], ['workStartDate', '参加工作时间'], ['health', '健康状况', HEALTH_STATUSES], ['techTitle', '专业技术职务'],
  ['expertise', '熟悉专业有何专长'], ['currentPosition', '现任职务'], ['proposedPosition', '拟任职务'], ['proposedRemoval', '拟免职务'],
  ['rewards', '奖惩情况'], ['appointmentReason', '任免理由'], ['reportingUnit', '呈报单位'], ['filledBy', '填表人'],
];

const resumeText = (lines: Cadre['resume']) => lines.map((l) => { const p = resumeLineParts(l); return p.date ? `${p.date}  ${p.text}` : p.text; }).join('\n');
const familyRow = (m: FamilyMember, ages: boolean) => [m.relation, bareName(m.name), ages ? '' : m.birth, code(POLITICAL_STATUSES, m.politicalStatus), m.workUnit].filter(Boolean).join(' ');

/** The form's fields whose value in the file differs from the stored 档案, as both would print. */
export function compareRmb(stored: Cadre, read: RmbDocxRead): DocxDifference[] {
  const out: DocxDifference[] = [];
  const diff = (field: string, a: string, b: string) => {
    if (squash(a) !== squash(b)) out.push({ field, stored: a, file: b });
  };
  for (const [key, field, table] of SCALARS) {
    const v = read[key];
    if (typeof v !== 'string') continue;
    const s = scalarText(stored[key]);
    const printed = key === 'name' ? bareName(s) : key === 'rewards' || key === 'appointmentReason' || key === 'reportingUnit' ? textParagraphs(s).join('\n') : s;
    diff(field, table ? code(table, printed) : printed, table ? code(table, v) : v);
  }
  for (const [key, label] of [['fullTimeEducation', '全日制教育'], ['partTimeEducation', '在职教育']] as const) {
    const e = read[key];
    if (!e) continue;
    const s = stored[key];
    diff(`${label}学历学位`, [code(EDUCATION_LEVELS, s.level), code(DEGREES, s.degree)].filter(Boolean).join(' '), [code(EDUCATION_LEVELS, e.level), code(DEGREES, e.degree)].filter(Boolean).join(' '));
    diff(`${label}毕业院校系及专业`, schoolLines(s).filter(Boolean).join(' '), [e.levelSchool, e.degreeSchool].filter(Boolean).join(' '));
  }
  if (read.resume) diff('简历', resumeText(stored.resume), resumeText(read.resume));
  if (typeof read.assessmentText === 'string') diff('年度考核结果', assessmentLine(stored), read.assessmentText);
  if (read.family) {
    const shown = stored.family.slice(0, FAMILY_ROWS);
    const n = Math.max(shown.length, read.family.length);
    for (let i = 0; i < n; i++) {
      diff(`家庭成员第 ${i + 1} 行`, shown[i] ? familyRow(shown[i], !!read.familyAges) : '', read.family[i] ? familyRow(read.family[i], !!read.familyAges) : '');
    }
  }
  if (read.photo !== undefined) {
    const mine = stored.photo.replace(/^data:image\/[a-z]+;base64,/i, '').replace(/\s/g, '');
    if (mine !== read.photo) out.push({ field: '照片', stored: mine ? '有照片' : '无照片', file: '文件中的照片' });
  }
  return out;
}

/** The stored 档案 with the file's values for the fields that differ (村 work fields untouched). */
export function applyRmb(stored: Cadre, read: RmbDocxRead, diffs: DocxDifference[]): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(editableFields(stored));
  const changed = new Set(diffs.map((d) => d.field));
  for (const [key, field] of SCALARS) if (changed.has(field) && typeof read[key] === 'string') out[key] = read[key];
  for (const [key, label] of [['fullTimeEducation', '全日制教育'], ['partTimeEducation', '在职教育']] as const) {
    const e = read[key];
    if (!e || !(changed.has(`${label}学历学位`) || changed.has(`${label}毕业院校系及专业`))) continue;
    // The form prints the degree's school only when it differs from the 学历's.
    out[key] = { ...e, degreeSchool: e.degreeSchool || (e.degree ? e.levelSchool : '') };
  }
  if (changed.has('简历') && read.resume) out.resume = read.resume;
  if (changed.has('年度考核结果') && typeof read.assessmentText === 'string') {
    out.assessmentText = read.assessmentText;
    out.assessments = mergeAssessments(stored.assessments, parseAssessmentText(read.assessmentText).assessments);
  }
  if (read.family && [...changed].some((f) => f.startsWith('家庭成员'))) {
    const byName = new Map(stored.family.map((m) => [bareName(m.name), m]));
    const rows = read.family.map((m) => {
      const before = byName.get(m.name);
      // A 年龄 table shows no birth month, and the form never shows a relative's 身份证号码: keep the stored ones.
      return { ...m, birth: read.familyAges ? (before?.birth ?? '') : m.birth, idNumber: before?.idNumber ?? '' };
    });
    out.family = [...rows, ...stored.family.slice(FAMILY_ROWS)];
  }
  if (changed.has('照片') && read.photo) out.photo = read.photo;
  return out;
}

function issueMessage(issue: { path: PropertyKey[]; message: string }): string {
  const labels: Record<string, string> = { idNumber: '身份证号码', birth: '出生年月', sex: '性别', name: '姓名', photo: '照片', resume: '简历', family: '家庭成员' };
  const top = String(issue.path[0] ?? '');
  return `${labels[top] ?? top}：${issue.message}`;
}

export interface DocxChoice {
  cadreId?: string;
  idNumber?: string;
}

export interface DocxInput extends DocxChoice {
  fileName: string;
  bytes: Uint8Array;
  /** For a file holding several people: the choice for each, by its item name (`<file> › 第 2 份`). */
  choices?: Map<string, DocxChoice>;
}

/** How a person is named in the report: the file, or `<file> › 第 n 份` when it holds several. */
export const itemName = (fileName: string, n: number, of: number) => (of > 1 ? `${fileName} › 第 ${n} 份` : fileName);

/**
 * Reads every file and works out what each 审批表 in it would do; matched and chosen ones also
 * become batch records (a new person only with a valid 身份证号码, an ambiguous match only once chosen).
 */
export function planDocxImport(inputs: DocxInput[], cadres: Cadre[]): { items: DocxImportItem[]; create: BatchCreate[]; update: BatchUpdate[] } {
  const live = cadres.filter((c) => !c.deletedAt);
  const items: DocxImportItem[] = [];
  const create: BatchCreate[] = [];
  const update: BatchUpdate[] = [];
  const taken = new Map<string, string>();
  const people: { item: DocxImportItem; r: RmbDocxResult | null; choice: DocxChoice }[] = [];
  for (const f of inputs) {
    try {
      const all = readRmbDocx(f.bytes, f.fileName);
      all.forEach((r, i) => {
        const file = itemName(f.fileName, i + 1, all.length);
        const choice = all.length > 1 ? (f.choices?.get(file) ?? {}) : { cadreId: f.cadreId, idNumber: f.idNumber };
        people.push({ item: { file, status: 'refused', differences: [], unreadable: [], warnings: [], message: '' }, r, choice });
      });
    } catch (e) {
      // In file order with the others, so the report lists files as they were given.
      people.push({ item: { file: f.fileName, status: 'refused', differences: [], unreadable: [], warnings: [], message: e instanceof AppError ? e.message : `无法读取：${(e as Error).message}` }, r: null, choice: {} });
    }
  }
  for (const { item, r, choice } of people) {
    items.push(item);
    if (!r) continue;
    const f = { fileName: item.file, ...choice };
    try {
      const read = r.read;
      item.name = read.name;
      item.birth = read.birth;
      item.unreadable = r.unreadable.map((u) => u.message);
      item.warnings = r.warnings;
      if (!read.name || !read.birth) throw new AppError('INVALID', `没有读到${!read.name ? '姓名' : '出生年月'}，无法对应到档案`);
      const hits = live.filter((c) => bareName(c.name) === read.name && c.birth === read.birth);
      const chosen = f.cadreId ? live.find((c) => c.id === f.cadreId) : hits.length === 1 ? hits[0] : undefined;
      if (f.cadreId && (!chosen || !hits.includes(chosen))) throw new AppError('CONFLICT', '所选档案与文件中的姓名、出生年月不符，请重新选择');
      if (!chosen && hits.length > 1) {
        item.status = 'ambiguous';
        item.candidates = hits.map((c) => ({ id: c.id, name: c.name, idNumber: c.idNumber, post: c.currentPosition }));
        item.message = `档案库中有 ${hits.length} 人名为“${read.name}”、出生年月 ${read.birth}，请选择要更新的档案`;
        continue;
      }
      if (chosen) {
        const dup = taken.get(chosen.id);
        if (dup) throw new AppError('CONFLICT', `与“${dup}”对应同一档案（${chosen.name}），本文件未导入`);
        taken.set(chosen.id, f.fileName);
        item.cadreId = chosen.id;
        item.differences = compareRmb(chosen, read);
        if (item.differences.length === 0) {
          item.status = 'same';
          item.message = `与 ${chosen.name} 的已有档案相同，无需更新`;
          continue;
        }
        const merged = cadreInputSchema.safeParse(applyRmb(chosen, read, item.differences));
        if (!merged.success) throw new AppError('INVALID', issueMessage(merged.error.issues[0]));
        item.status = 'matched';
        item.message = `将更新 ${chosen.name} 的档案：${item.differences.map((d) => d.field).join('、')}`;
        update.push({ row: f.fileName, cadreId: chosen.id, updatedAt: chosen.updatedAt, data: merged.data });
        continue;
      }
      item.status = 'new';
      if (!f.idNumber) {
        item.message = '档案库中没有此人（按姓名和出生年月查找）；审批表上没有身份证号码，新建档案请填写身份证号码';
        continue;
      }
      const { familyAges: _a, ...fields } = read;
      const parsed = cadreInputSchema.safeParse({ ...fields, idNumber: f.idNumber });
      if (!parsed.success) throw new AppError('INVALID', issueMessage(parsed.error.issues[0]));
      const same = live.find((c) => c.idNumber === parsed.data.idNumber);
      if (same) throw new AppError('CONFLICT', `身份证号码 ${parsed.data.idNumber} 已是 ${same.name} 的档案，但姓名或出生年月与文件不同，请核对`);
      item.message = '新建档案';
      create.push({ row: f.fileName, data: parsed.data });
    } catch (e) {
      item.status = 'refused';
      item.message = e instanceof AppError ? e.message : `无法读取：${(e as Error).message}`;
    }
  }
  return { items, create, update };
}
