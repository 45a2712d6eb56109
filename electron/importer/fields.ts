/**
 * The 花名册 columns we understand: one official header each (used on export and in
 * messages) and the other spellings towns actually use. `key` is the path in the cadre
 * input ('fullTimeEducation.level'), or a helper column (town, village) resolved later.
 */

export type FieldKind =
  | 'name' | 'sex' | 'ym' | 'id' | 'text' | 'ethnicity' | 'political' | 'education' | 'degree'
  | 'health' | 'post' | 'phone' | 'town' | 'village' | 'resume' | 'assessment' | 'ignore';

export interface ImportField {
  key: string;
  label: string;
  kind: FieldKind;
  synonyms: string[];
  /** Appears on the exported 花名册 and the blank template. */
  export: boolean;
}

export const IMPORT_FIELDS: ImportField[] = [
  { key: 'seq', label: '序号', kind: 'ignore', synonyms: ['编号', 'No', 'NO.'], export: true },
  { key: 'name', label: '姓名', kind: 'name', synonyms: ['名字', '干部姓名', '人员姓名'], export: true },
  { key: 'sex', label: '性别', kind: 'sex', synonyms: [], export: true },
  { key: 'ethnicity', label: '民族', kind: 'ethnicity', synonyms: [], export: true },
  { key: 'birth', label: '出生年月', kind: 'ym', synonyms: ['出生日期', '出生年月日', '出生时间', '出生年份'], export: true },
  { key: 'idNumber', label: '身份证号码', kind: 'id', synonyms: ['公民身份号码', '身份证号', '身份证', '身份证件号码', '证件号码', '居民身份证号码'], export: true },
  { key: 'nativePlace', label: '籍贯', kind: 'text', synonyms: [], export: true },
  { key: 'birthPlace', label: '出生地', kind: 'text', synonyms: [], export: true },
  { key: 'politicalStatus', label: '政治面貌', kind: 'political', synonyms: ['党派'], export: true },
  { key: 'partyJoinDate', label: '入党时间', kind: 'ym', synonyms: ['入党年月', '入党日期'], export: true },
  { key: 'workStartDate', label: '参加工作时间', kind: 'ym', synonyms: ['参加工作年月', '参加工作日期', '工作时间'], export: true },
  { key: 'health', label: '健康状况', kind: 'health', synonyms: ['健康'], export: true },
  { key: 'fullTimeEducation.level', label: '全日制学历', kind: 'education', synonyms: ['全日制教育学历', '学历', '文化程度', '最高学历'], export: true },
  { key: 'fullTimeEducation.degree', label: '全日制学位', kind: 'degree', synonyms: ['全日制教育学位', '学位'], export: true },
  { key: 'fullTimeEducation.levelSchool', label: '全日制毕业院校系及专业', kind: 'text', synonyms: ['毕业院校系及专业', '毕业院校', '毕业学校', '毕业院校及专业'], export: true },
  { key: 'partTimeEducation.level', label: '在职学历', kind: 'education', synonyms: ['在职教育学历'], export: true },
  { key: 'partTimeEducation.degree', label: '在职学位', kind: 'degree', synonyms: ['在职教育学位'], export: true },
  { key: 'partTimeEducation.levelSchool', label: '在职毕业院校系及专业', kind: 'text', synonyms: ['在职毕业院校', '在职教育毕业院校系及专业'], export: true },
  { key: 'techTitle', label: '专业技术职务', kind: 'text', synonyms: ['职称', '专业技术职称'], export: true },
  { key: 'expertise', label: '熟悉专业有何专长', kind: 'text', synonyms: ['专长', '特长'], export: true },
  { key: 'town', label: '镇街', kind: 'town', synonyms: ['镇(街道)', '所属镇街', '镇街道', '镇(街)', '所在镇街', '镇'], export: true },
  { key: 'village', label: '所在村（社区）', kind: 'village', synonyms: ['村居', '村(社区)', '所在村', '所在社区', '所在村居', '村(居)', '所在村(居)', '村社区'], export: true },
  { key: 'villagePost', label: '村（社区）职务', kind: 'post', synonyms: ['职务', '村职务', '村(居)职务', '现任村(社区)职务', '岗位'], export: true },
  { key: 'postSince', label: '任现职时间', kind: 'ym', synonyms: ['任职时间', '现职时间', '任现职务时间'], export: true },
  { key: 'villageWorkSince', label: '开始从事村（社区）工作时间', kind: 'ym', synonyms: ['从事村(社区)工作时间', '从事村工作时间', '村工作时间'], export: true },
  { key: 'currentPosition', label: '现任职务', kind: 'text', synonyms: ['现任职务全称'], export: true },
  { key: 'phone', label: '联系电话', kind: 'phone', synonyms: ['电话', '手机', '手机号码', '联系方式', '手机号'], export: true },
  { key: 'resume', label: '简历', kind: 'resume', synonyms: ['工作简历', '个人简历', '学习工作经历', '学习和工作经历', '学习及工作经历', '工作经历', '主要经历', '个人履历', '履历'], export: true },
  { key: 'assessmentText', label: '年度考核结果', kind: 'assessment', synonyms: ['考核结果', '年度考核', '年度考核情况', '近三年年度考核结果', '近三年考核结果', '考核情况'], export: true },
  { key: 'rewards', label: '奖惩情况', kind: 'text', synonyms: [], export: false },
  { key: 'age', label: '年龄', kind: 'ignore', synonyms: [], export: false },
  { key: 'note', label: '备注', kind: 'ignore', synonyms: [], export: false },
];

export const FIELD_BY_KEY = new Map(IMPORT_FIELDS.map((f) => [f.key, f]));

/**
 * Header text as compared: no spaces or line breaks, full-width brackets as half-width,
 * no required-field stars or trailing colons.
 */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[*＊:：]/g, '')
    .toLowerCase();
}

/**
 * Header text → field key for one kind of sheet: the label and synonyms exactly, then the
 * patterns, then the header without a bracketed note ("姓名（必填）", "任现职时间(年月)").
 */
export function makeHeaderMatcher(
  fields: readonly { key: string; label: string; synonyms: readonly string[] }[],
  rules: readonly (readonly [RegExp, string])[] = [],
): (text: string) => string {
  const byHeader = new Map<string, string>();
  for (const f of fields) {
    for (const s of [f.label, ...f.synonyms]) byHeader.set(normalizeHeader(s), f.key);
  }
  return (text) => {
    const n = normalizeHeader(text);
    if (!n) return '';
    const hit = byHeader.get(n);
    if (hit) return hit;
    for (const [re, key] of rules) if (re.test(n)) return key;
    const bare = n.replace(/\([^)]*\)/g, '');
    return bare !== n ? (byHeader.get(bare) ?? '') : '';
  };
}

/** Composite headers from two-row layouts ("全日制教育" over "学历"). */
const RULES: Array<[RegExp, string]> = [
  [/^全日制.*学历$/, 'fullTimeEducation.level'],
  [/^全日制.*学位$/, 'fullTimeEducation.degree'],
  [/^全日制.*(院校|专业)/, 'fullTimeEducation.levelSchool'],
  [/^在职.*学历$/, 'partTimeEducation.level'],
  [/^在职.*学位$/, 'partTimeEducation.degree'],
  [/^在职.*(院校|专业)/, 'partTimeEducation.levelSchool'],
  [/身份证/, 'idNumber'],
  [/^出生(年月|日期)/, 'birth'],
  [/电话|手机/, 'phone'],
  [/简历|履历|^学习.*工作经历$/, 'resume'],
  [/年度考核|考核结果/, 'assessmentText'],
];

/** Field key for a 花名册 header, or '' when we do not recognize it. */
export const fieldForHeader: (text: string) => string = makeHeaderMatcher(IMPORT_FIELDS, RULES);

/** Column letters as Excel shows them (0 → A, 27 → AB). */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
