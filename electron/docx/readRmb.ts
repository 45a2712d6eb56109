/**
 * Reading a 干部任免审批表 typed in Word: ours, or one filled in by hand from the official
 * template (merged cells, "姓　名" with full-width spaces, line breaks inside cells, the photo
 * in its box). The tables are read into a grid (gridSpan / vMerge resolved), every cell's text is
 * matched against the form's labels, and a label's value is the next cell in its row — so the
 * reading does not depend on exact column positions. What cannot be read is named, never guessed.
 */
import { AppError } from '../../shared/contract/define.js';
import type { Cadre, FamilyMember, ResumeLine } from '../../shared/domain/cadre.js';
import { parseYearMonth } from '../../shared/rules/dates.js';
import { parseResumeText } from '../../shared/rules/resume.js';
import { decodeEntities } from '../lrmx/safeXml.js';
import { bareName } from '../print/rmbData.js';
import { children, openDocx, tagOf, type DocxPackage, type XmlNode } from './docxPackage.js';

type Education = Cadre['fullTimeEducation'];

/** What the form gave, field by field (only fields found on the form are present). */
export interface RmbDocxRead {
  name?: string;
  sex?: string;
  birth?: string;
  ethnicity?: string;
  nativePlace?: string;
  birthPlace?: string;
  partyJoinDate?: string;
  workStartDate?: string;
  health?: string;
  techTitle?: string;
  expertise?: string;
  fullTimeEducation?: Education;
  partTimeEducation?: Education;
  currentPosition?: string;
  proposedPosition?: string;
  proposedRemoval?: string;
  resume?: ResumeLine[];
  rewards?: string;
  assessmentText?: string;
  appointmentReason?: string;
  /** Up to the form's rows; `birth` is '' where the form shows 年龄 instead (see `familyAges`). */
  family?: FamilyMember[];
  /** The family table's third column is 年龄: ages, not birth months, were on the form. */
  familyAges?: boolean;
  reportingUnit?: string;
  filledBy?: string;
  /** base64 JPEG/PNG. */
  photo?: string;
}

export interface RmbDocxResult {
  read: RmbDocxRead;
  /** Parts of the form that were there but could not be read (left out, never guessed). */
  unreadable: { field: string; message: string }[];
  warnings: string[];
}

// ---- the document as tables of cells -----------------------------------------------------

interface Cell {
  col: number;
  span: number;
  vmerge?: 'restart' | 'continue';
  /** Paragraph texts; a line break inside a paragraph is "\n", a tab "\t". */
  paras: string[];
  images: string[];
}

const attr = (n: XmlNode, name: string) => n[':@']?.[`@_${name}`];
const kids = (n: XmlNode) => (n[tagOf(n)] as XmlNode[]) ?? [];
/** Containers whose content counts as if it were written in place (tracked insertions, links, content controls…). */
const TRANSPARENT = new Set(['w:ins', 'w:hyperlink', 'w:smartTag', 'w:sdt', 'w:sdtContent', 'w:fldSimple', 'w:customXml', 'w:r', 'w:moveTo']);

function runText(nodes: XmlNode[], out: { text: string; images: string[] }): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:t') {
      for (const t of kids(n)) if ('#text' in t) out.text += decodeEntities(String(t['#text']));
    } else if (tag === 'w:tab') out.text += '\t';
    else if (tag === 'w:br' || tag === 'w:cr') out.text += '\n';
    else if (tag === 'a:blip') {
      const id = attr(n, 'r:embed');
      if (id) out.images.push(id);
    } else if (tag === 'v:imagedata') {
      const id = attr(n, 'r:id');
      if (id) out.images.push(id);
    } else if (TRANSPARENT.has(tag) || tag === 'w:drawing' || tag === 'w:pict' || tag.startsWith('wp:') || tag.startsWith('a:') || tag.startsWith('pic:') || tag.startsWith('v:') || tag === 'mc:AlternateContent' || tag === 'mc:Choice') {
      runText(kids(n), out);
    }
    // w:del, w:rPr, mc:Fallback (a second copy of the same drawing)… are not text.
  }
}

function paragraphText(p: XmlNode, images: string[]): string {
  const out = { text: '', images };
  runText(kids(p).filter((n) => tagOf(n) !== 'w:pPr'), out);
  return out.text;
}

function readCell(tc: XmlNode, col: number, tables: Cell[][][]): Cell {
  const pr = kids(tc).find((n) => tagOf(n) === 'w:tcPr');
  const prKids = pr ? kids(pr) : [];
  const span = Number(attr(prKids.find((n) => tagOf(n) === 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1;
  const vm = prKids.find((n) => tagOf(n) === 'w:vMerge');
  const cell: Cell = { col, span, vmerge: vm ? (attr(vm, 'w:val') === 'restart' ? 'restart' : 'continue') : undefined, paras: [], images: [] };
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') cell.paras.push(paragraphText(n, cell.images));
      else if (tag === 'w:tbl') tables.push(readTable(n, tables));
      else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') walk(kids(n));
    }
  };
  walk(kids(tc));
  return cell;
}

function readTable(tbl: XmlNode, tables: Cell[][][]): Cell[][] {
  const rows: Cell[][] = [];
  const rowNodes: XmlNode[] = [];
  const collect = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:tr') rowNodes.push(n);
      else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') collect(kids(n));
    }
  };
  collect(kids(tbl));
  for (const tr of rowNodes) {
    const trPr = kids(tr).find((n) => tagOf(n) === 'w:trPr');
    let col = Number(attr(kids(trPr ?? {}).find((n) => tagOf(n) === 'w:gridBefore') ?? {}, 'w:val') ?? 0) || 0;
    const cells: Cell[] = [];
    const walk = (nodes: XmlNode[]) => {
      for (const n of nodes) {
        const tag = tagOf(n);
        if (tag === 'w:tc') {
          const c = readCell(n, col, tables);
          cells.push(c);
          col += c.span;
        } else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') walk(kids(n));
      }
    };
    walk(kids(tr));
    rows.push(cells);
  }
  return rows;
}

type Block = { table: Cell[][] } | { para: string };

/** The body in document order: tables (a table nested in a cell follows its parent) and paragraphs. */
function bodyBlocks(pkg: DocxPackage): Block[] {
  const body = children(children(pkg.body, 'w:document'), 'w:body');
  const blocks: Block[] = [];
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:tbl') {
        const nested: Cell[][][] = [];
        blocks.push({ table: readTable(n, nested) });
        blocks.push(...nested.map((table) => ({ table })));
      } else if (tag === 'w:p') blocks.push({ para: paragraphText(n, []) });
      else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') walk(kids(n));
    }
  };
  walk(body);
  return blocks;
}

/** One person's 审批表 within the document: its table rows and the paragraphs around them. */
interface FormPart {
  rows: Cell[][];
  paragraphs: string[];
}

/**
 * A document may hold several people's 审批表 one after another (as 导出 Word writes a
 * selection): each 姓名 label outside a family table after the first starts the next person.
 */
function splitPeople(blocks: Block[]): FormPart[] {
  const people: FormPart[] = [{ rows: [], paragraphs: [] }];
  let seenName = false;
  for (const b of blocks) {
    if ('para' in b) {
      people[people.length - 1].paragraphs.push(b.para);
      continue;
    }
    for (const row of b.table) {
      const norms = row.filter((c) => c.vmerge !== 'continue').map((c) => normLabel(cellText(c)));
      const familyHead = norms.includes('称谓') && norms.includes('政治面貌');
      if (!familyHead && norms.includes('姓名')) {
        if (seenName) people.push({ rows: [], paragraphs: [] });
        seenName = true;
      }
      people[people.length - 1].rows.push(row);
    }
  }
  return people;
}

// ---- labels -------------------------------------------------------------------------------

/** A label as written, without the spacing people pad it with ("姓　名", "出 生 地", "姓名："). */
export const normLabel = (s: string) => s.replace(/[\s\u3000\u00a0:：]/g, '').replace(/（/g, '(').replace(/）/g, ')');

type FieldKey = 'name' | 'sex' | 'birth' | 'ethnicity' | 'nativePlace' | 'birthPlace' | 'partyJoinDate' | 'workStartDate' | 'health' | 'techTitle' | 'expertise' | 'ft' | 'pt' | 'school' | 'currentPosition' | 'proposedPosition' | 'proposedRemoval' | 'resume' | 'rewards' | 'assessmentText' | 'appointmentReason' | 'reportingUnit';

const LABELS = new Map<string, FieldKey>([
  ['姓名', 'name'], ['性别', 'sex'], ['出生年月(岁)', 'birth'], ['出生年月', 'birth'], ['出生日期', 'birth'], ['民族', 'ethnicity'], ['籍贯', 'nativePlace'],
  ['出生地', 'birthPlace'], ['入党时间', 'partyJoinDate'], ['参加工作时间', 'workStartDate'], ['健康状况', 'health'], ['专业技术职务', 'techTitle'],
  ['熟悉专业有何专长', 'expertise'], ['全日制教育', 'ft'], ['在职教育', 'pt'], ['毕业院校系及专业', 'school'], ['现任职务', 'currentPosition'],
  ['拟任职务', 'proposedPosition'], ['拟免职务', 'proposedRemoval'], ['简历', 'resume'], ['奖惩情况', 'rewards'], ['年度考核结果', 'assessmentText'],
  ['年核度结考果', 'assessmentText'], ['任免理由', 'appointmentReason'], ['呈报单位', 'reportingUnit'],
]);
/** Labels with no value to read beside them (the opinion boxes are for the approving bodies). */
const IGNORED = new Set(['学历学位', '审意批机关见', '审批机关意见', '行任政免机意关见', '行政机关任免意见', '照片', '家庭主要成员及重要社会关系', '到龄时间']);
const FIELD_NAMES: Record<FieldKey, string> = {
  name: '姓名', sex: '性别', birth: '出生年月', ethnicity: '民族', nativePlace: '籍贯', birthPlace: '出生地', partyJoinDate: '入党时间', workStartDate: '参加工作时间',
  health: '健康状况', techTitle: '专业技术职务', expertise: '熟悉专业有何专长', ft: '全日制教育', pt: '在职教育', school: '毕业院校系及专业', currentPosition: '现任职务',
  proposedPosition: '拟任职务', proposedRemoval: '拟免职务', resume: '简历', rewards: '奖惩情况', assessmentText: '年度考核结果', appointmentReason: '任免理由', reportingUnit: '呈报单位',
};
const FAMILY_HEAD = new Map([['称谓', 'relation'], ['姓名', 'name'], ['出生年月', 'birth'], ['年龄', 'age'], ['政治面貌', 'politicalStatus'], ['工作单位及职务', 'workUnit']] as const);

const cellText = (c: Cell) => c.paras.join('\n');
const lines = (c: Cell | undefined) => (c ? c.paras.flatMap((p) => p.split('\n')).map((l) => l.replace(/\t/g, '  ').trim()).filter(Boolean) : []);
const CONTINUED = /见续页|下接续页/;

/** Every 审批表 in the file, in order (usually one). */
export function readRmbDocx(bytes: Uint8Array, fileName: string): RmbDocxResult[] {
  const pkg = openDocx(bytes, fileName);
  const people = splitPeople(bodyBlocks(pkg));
  return people.map((part) => readPerson(pkg, part, fileName));
}

function readPerson(pkg: DocxPackage, part: FormPart, fileName: string): RmbDocxResult {
  const { rows, paragraphs } = part;
  const read: RmbDocxRead = {};
  const unreadable: RmbDocxResult['unreadable'] = [];
  const warnings: string[] = [];
  const values = new Map<FieldKey | 'ft.school' | 'pt.school', Cell>();
  type Family = { cols: { from: number; to: number; key: string }[]; rows: Cell[][] };
  /** The family table being read (null once a row with the form's labels follows it), and the one found. */
  let family: Family | null = null;
  let familyFound: Family | null = null;
  let photoIds: string[] = [];

  for (const row of rows) {
    const cells = row.filter((c) => c.vmerge !== 'continue');
    const norms = cells.map((c) => normLabel(cellText(c)));
    // The family header: 称谓 · 姓名 · 出生年月/年龄 · 政治面貌 · 工作单位及职务.
    if (norms.includes('称谓') && norms.includes('政治面貌')) {
      family = { cols: [], rows: [] };
      familyFound = family;
      cells.forEach((c, i) => {
        const key = FAMILY_HEAD.get(norms[i] as never);
        if (key) family!.cols.push({ from: c.col, to: c.col + c.span, key });
      });
      continue;
    }
    if (family && !norms.some((n) => LABELS.has(n))) {
      if (cells.some((c) => cellText(c).trim())) family.rows.push(cells);
      continue;
    }
    family = null;
    let edu: 'ft' | 'pt' | null = null;
    for (let i = 0; i < cells.length; i++) {
      const key = LABELS.get(norms[i]);
      if (!key) continue;
      if (key === 'ft' || key === 'pt') edu = key;
      const next = cells[i + 1];
      const value = next && !LABELS.has(norms[i + 1]) && !IGNORED.has(norms[i + 1]) ? next : undefined;
      const slot = key === 'school' ? (edu ? (`${edu}.school` as const) : null) : key;
      if (!slot) continue;
      if (!values.has(slot)) values.set(slot, value ?? { col: 0, span: 0, paras: [], images: [] });
      if (key === 'name' && !photoIds.length) photoIds = row.flatMap((c) => c.images);
    }
  }
  if (!values.has('name') || !values.has('birth')) {
    throw new AppError('INVALID', `“${fileName}”不是干部任免审批表：文件中没有找到含“姓名”“出生年月”栏目的表格`);
  }
  if (!photoIds.length) photoIds = rows.flat().flatMap((c) => c.images).slice(0, 1);

  const text1 = (k: FieldKey) => lines(values.get(k)).join('');
  const block = (k: FieldKey) => (values.get(k)?.paras ?? []).map((p) => p.replace(/\t/g, '  ').trim()).join('\n').trim();
  const continued = (k: FieldKey) => {
    const c = values.get(k);
    if (c && CONTINUED.test(cellText(c))) {
      unreadable.push({ field: FIELD_NAMES[k], message: `${FIELD_NAMES[k]}接续在续页上，续页未读入；本栏不更新，请核对` });
      return true;
    }
    return false;
  };
  const ym = (k: FieldKey, raw: string): string | undefined => {
    if (!raw) return '';
    const m = /([0-9０-９]{4})\s*[.．\-/年]\s*([0-9０-９]{1,2})/.exec(raw);
    const r = m ? parseYearMonth(`${m[1].normalize('NFKC')}.${m[2].normalize('NFKC')}`) : null;
    if (r?.ok) return r.value;
    unreadable.push({ field: FIELD_NAMES[k], message: `${FIELD_NAMES[k]}“${raw}”不是年月（应为 1998.06 的形式），未读入` });
    return undefined;
  };

  read.name = bareName(text1('name'));
  if (!read.name) unreadable.push({ field: '姓名', message: '姓名栏是空的' });
  const sex = text1('sex');
  if (sex === '男' || sex === '女') read.sex = sex;
  else unreadable.push({ field: '性别', message: sex ? `性别“${sex}”应为 男 或 女，未读入` : '性别栏是空的' });
  const birth = ym('birth', lines(values.get('birth'))[0] ?? '');
  if (birth) read.birth = birth;
  else if (birth === '') unreadable.push({ field: '出生年月', message: '出生年月栏是空的' });
  for (const k of ['ethnicity', 'nativePlace', 'birthPlace', 'health', 'techTitle', 'expertise', 'currentPosition', 'proposedPosition', 'proposedRemoval'] as const) {
    if (values.has(k) && !continued(k)) read[k] = text1(k);
  }
  for (const k of ['partyJoinDate', 'workStartDate'] as const) {
    if (!values.has(k)) continue;
    const v = ym(k, text1(k));
    if (v !== undefined) read[k] = v;
  }
  for (const [k, path] of [['ft', 'fullTimeEducation'], ['pt', 'partTimeEducation']] as const) {
    if (!values.has(k)) continue;
    const [level = '', degree = ''] = lines(values.get(k));
    const [levelSchool = '', degreeSchool = ''] = lines(values.get(`${k}.school`));
    read[path] = { level, degree, levelSchool, degreeSchool };
  }
  if (values.has('resume') && !continued('resume')) read.resume = readResume(values.get('resume')!, warnings);
  for (const k of ['rewards', 'assessmentText', 'appointmentReason'] as const) {
    if (values.has(k) && !continued(k)) read[k] = block(k);
  }
  if (values.has('reportingUnit')) {
    // The date line ("年 月 日") under 呈报单位 is the form's, not the unit's name.
    read.reportingUnit = block('reportingUnit').split('\n').filter((l) => !/^年\s*月\s*日$/.test(l.replace(/[\s\u3000]/g, ' ').trim()) && l.replace(/[\s\u3000年月日]/g, '')).join('\n');
  }
  if (familyFound) readFamily(familyFound, read, unreadable, warnings);
  if (paragraphs.some((p) => CONTINUED.test(p)) || paragraphs.some((p) => /干部任免审批表（续页）/.test(p))) {
    warnings.push('文件带有续页：续页上的内容未读入，接续到续页的栏目不更新');
  }
  for (const p of paragraphs) {
    const m = /^填表人[:：]\s*(.*)$/.exec(p.replace(/[\s\u3000]+/g, ' ').trim());
    if (m) read.filledBy = m[1].trim();
  }
  readPhoto(pkg, photoIds[0], read, unreadable);
  return { read, unreadable, warnings };
}

function readResume(cell: Cell, warnings: string[]): ResumeLine[] {
  const out: ResumeLine[] = [];
  for (const para of cell.paras) {
    for (const raw of para.split('\n')) {
      const line = raw.replace(/\t/g, '  ').trim();
      if (!line) continue;
      // Typed by hand, a long entry often goes on in a new line indented with spaces: it continues the entry above.
      if (/^[ \u3000]/.test(raw) && out.length && !/^[0-9０-９]{4}/.test(line)) {
        out[out.length - 1].text += line;
        continue;
      }
      const r = parseResumeText(line);
      // A line that does not start with a date is the form's own undated line (其间…), not an error.
      if (r.issues.length && !/^[0-9０-９]{4}/.test(line)) out.push({ from: '', to: '', text: line });
      else {
        out.push(...r.lines);
        warnings.push(...r.issues.map((i) => i.message.replace(/^简历第 \d+ 行/, '简历中')));
      }
    }
  }
  return out;
}

function readFamily(family: { cols: { from: number; to: number; key: string }[]; rows: Cell[][] }, read: RmbDocxRead, unreadable: RmbDocxResult['unreadable'], warnings: string[]): void {
  read.familyAges = family.cols.some((c) => c.key === 'age');
  if (read.familyAges) unreadable.push({ field: '家庭主要成员及重要社会关系', message: '家庭成员一栏为“年龄”，无法换算出生年月，出生年月未读入' });
  read.family = family.rows.map((cells, i) => {
    const get = (key: string) => {
      const col = family.cols.find((c) => c.key === key);
      const c = col && cells.find((x) => x.col < col.to && x.col + x.span > col.from);
      return c ? lines(c).join('') : '';
    };
    const m: FamilyMember = { relation: get('relation'), name: bareName(get('name')), birth: '', politicalStatus: get('politicalStatus'), workUnit: get('workUnit'), idNumber: '' };
    if (!read.familyAges) {
      const raw = get('birth');
      const r = raw ? parseYearMonth(raw.replace(/[年/-]/g, '.').replace(/月/g, '')) : null;
      if (r?.ok) m.birth = r.value;
      else if (raw) warnings.push(`家庭成员第 ${i + 1} 行出生年月“${raw}”不是年月，未读入`);
    }
    return m;
  });
}

function readPhoto(pkg: DocxPackage, relId: string | undefined, read: RmbDocxRead, unreadable: RmbDocxResult['unreadable']): void {
  if (!relId) return;
  const path = pkg.rels.get(relId);
  const bytes = path ? pkg.media(path) : null;
  if (bytes === 'too-big') {
    unreadable.push({ field: '照片', message: '照片图片超过 1.5 MB，未读入；请压缩后在档案中上传' });
    return;
  }
  if (!bytes) {
    unreadable.push({ field: '照片', message: '照片找不到对应的图片文件，未读入' });
    return;
  }
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  const png = bytes[0] === 0x89 && bytes[1] === 0x50;
  if (!jpeg && !png) {
    unreadable.push({ field: '照片', message: '照片不是 JPEG/PNG 图片，未读入' });
    return;
  }
  read.photo = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
}
