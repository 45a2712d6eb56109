/**
 * The 任免审批表 file (.lrmx): root <Person>, one child per form field, dates as yyyyMM,
 * 简历 as CRLF-separated "1998.09--2002.07  text" lines, family members as
 * <JiaTingChengYuan><Item>…, the photo as base64 JPEG. Tags we do not model (4.0 additions
 * such as DaoLingNianYue) are kept in `lrmxExtra` and written back on export.
 */
import { AppError } from '../../shared/contract/define.js';
import type { CadreFields, CadreInput, FamilyMember } from '../../shared/domain/cadre.js';
import { ETHNICITIES, normalizeCode } from '../../shared/domain/codes.js';
import { formatAssessments, parseAssessmentText } from '../../shared/rules/assessment.js';
import { parseYearMonth } from '../../shared/rules/dates.js';
import { formatResume, parseResumeText } from '../../shared/rules/resume.js';
import { decodeEntities, decodeXmlBytes, escapeXml, parseXmlSafely } from './safeXml.js';
import { scalarText } from '../../shared/rules/text.js';

type Kind = 'text' | 'ym' | 'sex' | 'ethnicity' | 'resume' | 'family' | 'photo' | 'extra';

/** Standard children in the order the national editor writes them. */
const TAGS: [tag: string, path: string, kind: Kind][] = [
  ['XingMing', 'name', 'text'],
  ['XingBie', 'sex', 'sex'],
  ['ChuShengNianYue', 'birth', 'ym'],
  ['MinZu', 'ethnicity', 'ethnicity'],
  ['JiGuan', 'nativePlace', 'text'],
  ['ChuShengDi', 'birthPlace', 'text'],
  ['RuDangShiJian', 'partyJoinDate', 'ym'],
  ['CanJiaGongZuoShiJian', 'workStartDate', 'ym'],
  ['JianKangZhuangKuang', 'health', 'text'],
  ['ZhuanYeJiShuZhiWu', 'techTitle', 'text'],
  ['ShuXiZhuanYeYouHeZhuanChang', 'expertise', 'text'],
  ['QuanRiZhiJiaoYu_XueLi', 'fullTimeEducation.level', 'text'],
  ['QuanRiZhiJiaoYu_XueWei', 'fullTimeEducation.degree', 'text'],
  ['QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'fullTimeEducation.levelSchool', 'text'],
  ['QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', 'fullTimeEducation.degreeSchool', 'text'],
  ['ZaiZhiJiaoYu_XueLi', 'partTimeEducation.level', 'text'],
  ['ZaiZhiJiaoYu_XueWei', 'partTimeEducation.degree', 'text'],
  ['ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'partTimeEducation.levelSchool', 'text'],
  ['ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', 'partTimeEducation.degreeSchool', 'text'],
  ['XianRenZhiWu', 'currentPosition', 'text'],
  ['NiRenZhiWu', 'proposedPosition', 'text'],
  ['NiMianZhiWu', 'proposedRemoval', 'text'],
  ['JianLi', 'resume', 'resume'],
  ['JiangChengQingKuang', 'rewards', 'text'],
  ['NianDuKaoHeJieGuo', 'assessmentText', 'text'],
  ['RenMianLiYou', 'appointmentReason', 'text'],
  ['JiaTingChengYuan', 'family', 'family'],
  ['ChengBaoDanWei', 'reportingUnit', 'text'],
  ['JiSuanNianLingShiJian', '', 'extra'],
  ['TianBiaoShiJian', '', 'extra'],
  ['TianBiaoRen', 'filledBy', 'text'],
  ['ShenFenZheng', 'idNumber', 'text'],
  ['ZhaoPian', 'photo', 'photo'],
  ['Version', '', 'extra'],
];
const KNOWN = new Map(TAGS.map((t) => [t[0], t]));

/** The LRMX-modelled paths: what an LRMX import may overwrite in an existing file. */
export const LRMX_PATHS = TAGS.filter((t) => t[1]).map((t) => t[1]);

export interface LrmxRead {
  /** Input for cadreInputSchema (not yet validated). */
  data: CadreInput & Record<string, unknown>;
  warnings: string[];
}

const text = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  return decodeEntities(scalarText(v));
};

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const [a, b] = path.split('.');
  if (b === undefined) obj[a] = value;
  else obj[a] = { ...((obj[a]) ?? {}), [b]: value };
}

function getPath(obj: object, path: string): unknown {
  const [a, b] = path.split('.');
  const v = (obj as Record<string, unknown>)[a];
  return b === undefined ? v : (v as Record<string, unknown> | undefined)?.[b];
}

function ymFromLrmx(raw: string, tag: string, label: string, warnings: string[], extra: Record<string, string>): string {
  if (!raw) return '';
  const r = parseYearMonth(raw);
  if (r.ok) return r.value;
  extra[tag] = raw;
  warnings.push(`${label}“${raw}”不是年月，已原样保留`);
  return '';
}

const LABELS: Record<string, string> = { RuDangShiJian: '入党时间', CanJiaGongZuoShiJian: '参加工作时间' };

export function parseLrmx(bytes: Buffer, fileName: string): LrmxRead {
  const xml = parseXmlSafely(decodeXmlBytes(bytes, fileName), fileName);
  const roots = Object.keys(xml);
  const person = xml.Person;
  if (roots.length !== 1 || person === undefined || typeof person !== 'object' || person === null) {
    throw new AppError('INVALID', `“${fileName}”不是任免审批表文件：根元素应为 <Person>，实际为 <${roots[0] ?? '无'}>`);
  }
  const p = person as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  const extra: Record<string, string> = {};
  const warnings: string[] = [];
  for (const [tag, value] of Object.entries(p)) {
    const def = KNOWN.get(tag);
    if (!def) {
      if (typeof value === 'object' && value !== null) warnings.push(`未识别的复合字段 <${tag}> 未导入`);
      else extra[tag] = text(value);
      continue;
    }
    const [, path, kind] = def;
    const s = text(value).trim();
    switch (kind) {
      case 'extra':
        extra[tag] = s;
        break;
      case 'ym':
        if (path === 'birth') {
          const r = parseYearMonth(s);
          data.birth = r.ok ? r.value : s;
        } else setPath(data, path, ymFromLrmx(s, tag, LABELS[tag] ?? tag, warnings, extra));
        break;
      case 'sex':
        data.sex = s;
        break;
      case 'ethnicity':
        data.ethnicity = normalizeCode(ETHNICITIES, s) ?? s;
        break;
      case 'resume': {
        const r = parseResumeText(text(value));
        data.resume = r.lines;
        for (const i of r.issues) warnings.push(`简历（JianLi）：${i.message}`);
        break;
      }
      case 'family':
        data.family = parseFamily(value, warnings);
        break;
      case 'photo': {
        const b64 = s.replace(/\s+/g, '');
        if (b64 && !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) warnings.push('照片（ZhaoPian）不是有效的 base64，未导入');
        else {
          if (b64 && !b64.startsWith('/9j/')) warnings.push('照片不是 JPEG 格式，打印时可能无法显示');
          data.photo = b64;
        }
        break;
      }
      default:
        setPath(data, path, s);
    }
  }
  // The form carries 考核 only as text; the 跨村任职 rules need it as records.
  if (typeof data.assessmentText === 'string' && data.assessmentText) {
    const r = parseAssessmentText(data.assessmentText);
    data.assessments = r.assessments;
    for (const i of r.issues) warnings.push(`年度考核结果（NianDuKaoHeJieGuo）：${i}`);
  }
  if (!data.idNumber) {
    throw new AppError('INVALID', `“${fileName}”缺少身份证号码（ShenFenZheng）：本软件以 18 位身份证号码识别每位干部，请在任免审批表中补填后再导入`);
  }
  // The form has no 政治面貌 box: a 入党时间 is how it shows a Party member.
  if (data.partyJoinDate) data.politicalStatus = '中共党员';
  data.lrmxExtra = extra;
  return { data: data as LrmxRead['data'], warnings };
}

function parseFamily(value: unknown, warnings: string[]): FamilyMember[] {
  if (typeof value !== 'object' || value === null) return [];
  const items = (value as { Item?: unknown[] }).Item ?? [];
  return items.map((raw, i) => {
    const it = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const b = text(it.ChuShengRiQi).trim();
    const birth = b ? parseYearMonth(b) : undefined;
    if (birth && !birth.ok) warnings.push(`家庭成员第 ${i + 1} 人的出生年月“${b}”无法识别，已留空`);
    return {
      relation: text(it.ChengWei).trim(),
      name: text(it.XingMing).trim(),
      birth: birth?.ok ? birth.value : '',
      politicalStatus: text(it.ZhengZhiMianMao).trim(),
      workUnit: text(it.GongZuoDanWeiJiZhiWu).trim(),
      idNumber: '',
    };
  });
}

const yyyymm = (ym: string) => ym.replace('.', '');
const el = (tag: string, value: string) => (value === '' ? `  <${tag} />` : `  <${tag}>${escapeXml(value)}</${tag}>`);
const XML_NAME = /^[A-Za-z_][\w.-]{0,80}$/;

export function serializeLrmx(c: CadreFields): Buffer {
  const extra = c.lrmxExtra ?? {};
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<Person>'];
  for (const [tag, path, kind] of TAGS) {
    if (kind === 'extra') {
      lines.push(el(tag, extra[tag] ?? (tag === 'Version' ? '3.2.1.6' : '')));
      continue;
    }
    const v = getPath(c, path);
    switch (kind) {
      case 'ym':
        lines.push(el(tag, v ? yyyymm(scalarText(v)) : extra[tag] ?? ''));
        break;
      case 'resume':
        lines.push(el(tag, formatResume(c.resume)));
        break;
      case 'family':
        lines.push('  <JiaTingChengYuan>');
        for (const m of c.family) {
          lines.push(
            '    <Item>',
            `  ${el('ChengWei', m.relation)}`,
            `  ${el('XingMing', m.name)}`,
            `  ${el('ChuShengRiQi', m.birth ? yyyymm(m.birth) : '')}`,
            `  ${el('ZhengZhiMianMao', m.politicalStatus)}`,
            `  ${el('GongZuoDanWeiJiZhiWu', m.workUnit)}`,
            '    </Item>',
          );
        }
        lines.push('  </JiaTingChengYuan>');
        break;
      default:
        if (path === 'assessmentText' && !v) lines.push(el(tag, formatAssessments(c.assessments)));
        else lines.push(el(tag, scalarText(v)));
    }
  }
  for (const [tag, value] of Object.entries(extra)) {
    if (KNOWN.has(tag) || !XML_NAME.test(tag)) continue;
    lines.push(el(tag, value));
  }
  lines.push('</Person>', '');
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
