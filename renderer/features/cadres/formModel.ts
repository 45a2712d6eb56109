/**
 * The cadre form's values and their way to and from the contract. Validation is the shared
 * zod schema (the same one the server and the importer use), so the form cannot accept what
 * the server would refuse, and messages match.
 */
import { zodFieldErrors } from '../../../shared/contract/define.js';
import type { Patch } from '../../../shared/contract/define.js';
import { cadreInputSchema, type Cadre, type CadreFields, type CadreInput } from '../../../shared/domain/cadre.js';
import { CADRE_FIELD_LABELS, CADRE_SUB_LABELS } from '../../../shared/domain/fieldLabels.js';
import { checkIdNumber } from '../../../shared/rules/idCard.js';
import { scalarText } from '../../../shared/rules/text.js';

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
  const id = checkIdNumber(scalarText(input.idNumber));
  if (!id.ok) errors.idNumber = id.message;
  if (input.birth === '' && errors.birth) errors.birth = '出生年月不能为空（填写身份证号码后可自动带出）';
  if (input.sex === '' && errors.sex) errors.sex = '请选择性别（填写身份证号码后可自动带出）';
  return errors;
}

/**
 * What the form sends: the schema-checked fields (the contract's cadre input), with 所在村 and
 * 村职务 set to null when the form left them empty, so an update clears them.
 */
export function checkedInput(
  input: Record<string, unknown>,
): { ok: true; data: CadreInput; cleared: Patch<Pick<CadreInput, 'villageId' | 'villagePost'>> } | { ok: false; errors: Record<string, string> } {
  const r = cadreInputSchema.safeParse(Object.fromEntries(Object.entries(input).filter(([, x]) => x !== null)));
  if (!r.success) return { ok: false, errors: validateLocally(input) };
  return { ok: true, data: r.data, cleared: { villageId: r.data.villageId ?? null, villagePost: r.data.villagePost ?? null } };
}

/** "family.0.birth" → "家庭成员及重要社会关系 第1行 出生年月". */
export function describePath(path: string): string {
  const [head, ...rest] = path.split('.');
  const parts = [CADRE_FIELD_LABELS[head] ?? head];
  for (const p of rest) parts.push(/^\d+$/.test(p) ? `第${Number(p) + 1}行` : CADRE_SUB_LABELS[p] ?? p);
  return parts.join(' ');
}
