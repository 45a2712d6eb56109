import { z } from 'zod';
import { ASSESSMENT_GRADES, DEGREES, EDUCATION_LEVELS, ETHNICITIES, HEALTH_STATUSES, normalizeCode, POLITICAL_STATUSES, TALENT_TAGS, VILLAGE_POSTS } from './codes.js';
import { idSchema, looseDateSchema, personNameSchema, text, yearMonthSchema } from './common.js';
import { checkIdNumber } from '../rules/idCard.js';

const optionalYm = z.union([yearMonthSchema, z.literal('')]).default('');

/**
 * Free text from a national code table: a known short form is stored as the table's label
 * (汉 → 汉族, 党员 → 中共党员, 本科 → 大学) whichever way the data arrived; anything else is kept.
 */
const codeText = (table: readonly string[], max: number) => text(max).transform((v) => normalizeCode(table, v) ?? v);

export const educationSchema = z.object({
  level: codeText(EDUCATION_LEVELS, 40).default(''), // 学历
  degree: codeText(DEGREES, 40).default(''), // 学位
  levelSchool: text(200).default(''), // 毕业院校系及专业（学历）
  degreeSchool: text(200).default(''), // 毕业院校系及专业（学位）
});

export const resumeLineSchema = z.object({
  from: optionalYm,
  to: z.union([yearMonthSchema, z.literal('')]).default(''), // '' = 至今
  text: text(500),
});

export const familyMemberSchema = z.object({
  relation: text(20), // 称谓
  name: personNameSchema(false),
  birth: z.union([yearMonthSchema, z.literal('')]).default(''),
  politicalStatus: codeText(POLITICAL_STATUSES, 40).default(''),
  workUnit: text(200).default(''), // 工作单位及职务
  idNumber: text(18).default(''),
});

export const assessmentSchema = z.object({
  year: z.number({ message: '年度应为数字' }).int('年度应为整数').min(1950, '年度应在 1950–2100 之间').max(2100, '年度应在 1950–2100 之间'),
  grade: z.enum(ASSESSMENT_GRADES, { message: `考核等次应为 ${ASSESSMENT_GRADES.join('、')} 之一` }),
});

/** 十不选 negative list. */
export const NEGATIVE_FLAG_KINDS = [
  '受过刑事处罚', '涉黑涉恶', '受党纪政务处分未满影响期', '违法用地/违建', '拖欠集体资金',
  '煽动闹事', '参与非法宗教/邪教', '失信被执行人', '长期外出不能履职', '其他不宜人选情形',
] as const;
export const negativeFlagSchema = z.object({
  kind: z.enum(NEGATIVE_FLAG_KINDS, { message: '请从十不选情形中选择' }),
  date: looseDateSchema,
  source: text(200), // 来源：纪委函告、法院公告…
  note: text(500).default(''),
});

/** Kinship categories that trigger 回避. */
export const KINSHIP_KINDS = ['配偶', '直系血亲', '三代以内旁系血亲', '近姻亲'] as const;
export const relationSchema = z.object({
  kind: z.enum(KINSHIP_KINDS, { message: `亲属关系应为 ${KINSHIP_KINDS.join('、')} 之一` }),
  name: personNameSchema(false),
  idNumber: text(18).default(''),
  cadreId: idSchema.optional(),
  note: text(200).default(''),
});

/** The editable part of a cadre file (what the form and the importer produce). */
export const cadreInputSchema = z
  .object({
    name: personNameSchema(),
    sex: z.enum(['男', '女'], { message: '性别应为 男 或 女' }),
    birth: yearMonthSchema, // 出生年月
    ethnicity: codeText(ETHNICITIES, 20).default('汉族'),
    nativePlace: text(60).default(''), // 籍贯
    birthPlace: text(60).default(''), // 出生地
    politicalStatus: codeText(POLITICAL_STATUSES, 20).default('群众'),
    partyJoinDate: z.union([yearMonthSchema, z.literal('')]).default(''), // 入党时间
    workStartDate: z.union([yearMonthSchema, z.literal('')]).default(''), // 参加工作时间
    health: codeText(HEALTH_STATUSES, 20).default('健康'),
    techTitle: text(60).default(''), // 专业技术职务
    expertise: text(200).default(''), // 熟悉专业有何专长
    fullTimeEducation: educationSchema.default({ level: '', degree: '', levelSchool: '', degreeSchool: '' }),
    partTimeEducation: educationSchema.default({ level: '', degree: '', levelSchool: '', degreeSchool: '' }),
    currentPosition: text(200).default(''), // 现任职务
    proposedPosition: text(200).default(''), // 拟任职务
    proposedRemoval: text(200).default(''), // 拟免职务
    resume: z.array(resumeLineSchema).max(200, '简历最多 200 行').default([]),
    rewards: text(4000).default(''), // 奖惩情况
    assessmentText: text(2000).default(''), // 年度考核结果（表上文字）
    assessments: z.array(assessmentSchema).max(100, '年度考核最多 100 条').default([]),
    appointmentReason: text(2000).default(''), // 任免理由
    family: z.array(familyMemberSchema).max(50, '家庭成员最多 50 人').default([]),
    photo: z.string().max(2_000_000, '照片过大，请选择 1.4 MB 以内的 JPEG').default(''), // base64 JPEG
    reportingUnit: text(200).default(''), // 呈报单位
    filledBy: text(40).default(''), // 填表人
    // village work
    idNumber: z.string().trim(),
    phone: z.string().trim().max(40, '联系电话不能超过 40 个字符').regex(/^[\d\-+ ]*$/, '联系电话只能包含数字和 -').default(''),
    villageId: idSchema.optional(),
    villagePost: z.enum(VILLAGE_POSTS, { message: `村职务应为 ${VILLAGE_POSTS.join('、')} 之一` }).optional(),
    postSince: z.union([yearMonthSchema, z.literal('')]).default(''), // 任现职时间
    villageWorkSince: z.union([yearMonthSchema, z.literal('')]).default(''), // 开始从事村（社区）工作时间
    tags: z.array(z.enum(TALENT_TAGS, { message: `人才类别应为 ${TALENT_TAGS.join('、')} 之一` })).default([]),
    negativeFlags: z.array(negativeFlagSchema).default([]),
    relations: z.array(relationSchema).default([]),
    /** LRMX fields we do not model (DaoLingNianYue…), kept so a round trip loses nothing. */
    lrmxExtra: z.record(z.string(), z.string()).default({}),
    demo: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    const id = checkIdNumber(c.idNumber);
    if (!id.ok) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: id.message });
      return;
    }
    if (c.birth && id.birth !== c.birth) {
      ctx.addIssue({ code: 'custom', path: ['birth'], message: `出生年月 ${c.birth} 与身份证号码中的 ${id.birth} 不一致` });
    }
    if (id.sex !== c.sex) {
      ctx.addIssue({ code: 'custom', path: ['sex'], message: `性别“${c.sex}”与身份证号码（${id.sex}）不一致` });
    }
  })
  .transform((c) => ({ ...c, idNumber: c.idNumber.toUpperCase().replace(/\s/g, '') }));

export type CadreInput = z.input<typeof cadreInputSchema>;
export type CadreFields = z.output<typeof cadreInputSchema>;
export type Cadre = CadreFields & { id: string; createdAt: string; updatedAt: string; deletedAt?: string };
export type FamilyMember = z.output<typeof familyMemberSchema>;
export type ResumeLine = z.output<typeof resumeLineSchema>;
export type NegativeFlag = z.output<typeof negativeFlagSchema>;
export type Relation = z.output<typeof relationSchema>;
