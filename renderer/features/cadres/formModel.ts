/**
 * The cadre form's values and their way to and from the contract. Validation is the shared
 * zod schema (the same one the server and the importer use), so the form cannot accept what
 * the server would refuse, and messages match.
 */
import { zodFieldErrors } from '../../../shared/contract/define.js';
import { cadreInputSchema, type Cadre, type CadreFields } from '../../../shared/domain/cadre.js';
import { checkIdNumber } from '../../../shared/rules/idCard.js';

export type FormValues = Omit<CadreFields, 'sex' | 'villageId' | 'villagePost'> & {
  sex: '' | '男' | '女';
  villageId: string | null;
  villagePost: string | null;
};

const noEducation = { level: '', degree: '', levelSchool: '', degreeSchool: '' };

export function blankForm(): FormValues {
  return {
    name: '', sex: '', birth: '', ethnicity: '汉族', nativePlace: '', birthPlace: '', politicalStatus: '',
    partyJoinDate: '', workStartDate: '', health: '健康', techTitle: '', expertise: '',
    fullTimeEducation: { ...noEducation }, partTimeEducation: { ...noEducation },
    currentPosition: '', proposedPosition: '', proposedRemoval: '',
    resume: [], rewards: '', assessmentText: '', assessments: [], appointmentReason: '', family: [], photo: '',
    reportingUnit: '', filledBy: '',
    idNumber: '', phone: '', villageId: null, villagePost: null, postSince: '', villageWorkSince: '',
    tags: [], negativeFlags: [], relations: [], lrmxExtra: {},
  };
}

export function fromCadre(c: Cadre): FormValues {
  const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = c;
  return { ...blankForm(), ...fields, villageId: c.villageId ?? null, villagePost: c.villagePost ?? null };
}

/**
 * What goes to cadre.create / cadre.update. Empty 出生年月 and 性别 are filled from a valid ID
 * number (the form does it on blur too; this covers pasting and saving at once). `null` clears
 * an optional field on update.
 */
export function toInput(v: FormValues): Record<string, unknown> {
  const id = checkIdNumber(v.idNumber);
  return {
    ...v,
    sex: v.sex || (id.ok ? id.sex : ''),
    birth: v.birth || (id.ok ? id.birth : ''),
    idNumber: id.ok ? id.id : v.idNumber,
  };
}

/**
 * Rows added and left blank are dropped rather than refused or stored empty. Done on the form
 * values (not only the sent copy) so row numbers in error messages match the rows on screen.
 */
export function dropBlankRows(v: FormValues): FormValues {
  const filled = (...xs: string[]) => xs.some((x) => x.trim() !== '');
  return {
    ...v,
    resume: v.resume.filter((r) => filled(r.from, r.to, r.text)),
    family: v.family.filter((f) => filled(f.relation, f.name, f.birth, f.politicalStatus, f.workUnit, f.idNumber)),
    relations: v.relations.filter((r) => filled(r.name, r.idNumber, r.note)),
  };
}

/** Field path → Chinese message, from the shared schema, before anything is sent. */
export function validateLocally(input: Record<string, unknown>): Record<string, string> {
  const r = cadreInputSchema.safeParse(Object.fromEntries(Object.entries(input).filter(([, x]) => x !== null)));
  if (r.success) return {};
  const errors = zodFieldErrors(r.error);
  // zod skips the ID cross-check while other fields fail, so the ID's own problem is added here.
  const id = checkIdNumber(String(input.idNumber ?? ''));
  if (!id.ok) errors.idNumber = id.message;
  if (input.birth === '' && errors.birth) errors.birth = '出生年月不能为空（填写身份证号码后可自动带出）';
  if (input.sex === '' && errors.sex) errors.sex = '请选择性别（填写身份证号码后可自动带出）';
  return errors;
}

/** Chinese labels of the file's fields: error summaries and the 历史记录 tab use them. */
export const FIELD_LABELS: Record<string, string> = {
  name: '姓名', sex: '性别', birth: '出生年月', ethnicity: '民族', nativePlace: '籍贯', birthPlace: '出生地',
  politicalStatus: '政治面貌', partyJoinDate: '入党时间', workStartDate: '参加工作时间', health: '健康状况',
  techTitle: '专业技术职务', expertise: '熟悉专业有何专长', fullTimeEducation: '全日制教育', partTimeEducation: '在职教育',
  currentPosition: '现任职务', proposedPosition: '拟任职务', proposedRemoval: '拟免职务', resume: '简历',
  rewards: '奖惩情况', assessmentText: '年度考核结果', assessments: '年度考核', appointmentReason: '任免理由',
  family: '家庭成员及重要社会关系', photo: '照片', reportingUnit: '呈报单位', filledBy: '填表人',
  idNumber: '身份证号码', phone: '联系电话', villageId: '所在村（社区）', villagePost: '村职务', postSince: '任现职时间',
  villageWorkSince: '开始从事村（社区）工作时间', tags: '人才类别', negativeFlags: '十不选负面情形', relations: '亲属关系（回避）',
  lrmxExtra: 'LRMX 其他字段', deletedAt: '删除时间', demo: '示例',
};

const SUB_LABELS: Record<string, string> = {
  level: '学历', degree: '学位', levelSchool: '毕业院校系及专业', degreeSchool: '学位授予院校及专业',
  from: '起', to: '止', text: '内容', relation: '称谓', name: '姓名', birth: '出生年月', politicalStatus: '政治面貌',
  workUnit: '工作单位及职务', idNumber: '身份证号码', year: '年度', grade: '等次', kind: '类别', date: '日期', source: '来源', note: '备注',
};

/** "family.0.birth" → "家庭成员及重要社会关系 第1行 出生年月". */
export function describePath(path: string): string {
  const [head, ...rest] = path.split('.');
  const parts = [FIELD_LABELS[head] ?? head];
  for (const p of rest) parts.push(/^\d+$/.test(p) ? `第${Number(p) + 1}行` : SUB_LABELS[p] ?? p);
  return parts.join(' ');
}
