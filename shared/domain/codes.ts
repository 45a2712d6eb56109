/**
 * Code tables of the national standards the 任免审批表 uses, with the short forms
 * people type. `normalizeCode` maps any accepted spelling to the canonical label.
 */

/** GB 3304 民族 (56 + 其他). */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族', '其他',
] as const;

/** GB/T 4762 政治面貌. */
export const POLITICAL_STATUSES = [
  '中共党员', '中共预备党员', '共青团员', '民革党员', '民盟盟员', '民建会员', '民进会员',
  '农工党党员', '致公党党员', '九三学社社员', '台盟盟员', '无党派人士', '群众',
] as const;

export const EDUCATION_LEVELS = ['研究生', '大学', '大专', '中专', '高中', '初中', '小学'] as const;
export const DEGREES = ['博士', '硕士', '学士', '无'] as const;
export const HEALTH_STATUSES = ['健康', '良好', '一般', '较差'] as const;
export const ASSESSMENT_GRADES = ['优秀', '称职', '基本称职', '不称职'] as const;

export const VILLAGE_POSTS = [
  '党组织书记', '党组织副书记', '党组织委员',
  '村委会主任', '村委会副主任', '村委会委员',
  '书记、主任一肩挑', '后备干部', '村民小组长', '股份社理事长', '其他',
] as const;

export const TALENT_TAGS = ['优秀带头人', '后备', '青年'] as const;

export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];
export type VillagePost = (typeof VILLAGE_POSTS)[number];

/** Short and legacy spellings seen in 花名册 and LRMX files. */
const ALIASES: Record<string, string> = {
  // 政治面貌
  '党员': '中共党员', '中国共产党党员': '中共党员', '共产党员': '中共党员', '中共': '中共党员',
  '预备党员': '中共预备党员', '中国共产党预备党员': '中共预备党员',
  '团员': '共青团员', '共青团': '共青团员', '中国共产主义青年团团员': '共青团员',
  '无党派': '无党派人士', '民主党派': '无党派人士',
  // 学历
  '研究生学历': '研究生', '硕士研究生': '研究生', '博士研究生': '研究生',
  '本科': '大学', '大学本科': '大学', '大本': '大学',
  '大学专科': '大专', '专科': '大专', '高职': '大专',
  '中等专科': '中专', '职高': '中专', '技校': '中专', '中技': '中专',
  '高中毕业': '高中', '初中毕业': '初中', '小学毕业': '小学',
  // 学位
  '博士学位': '博士', '硕士学位': '硕士', '学士学位': '学士',
  // 考核
  '合格': '称职',
  // 村职务
  '书记': '党组织书记', '党委书记': '党组织书记', '党支部书记': '党组织书记', '党总支书记': '党组织书记',
  '副书记': '党组织副书记', '委员': '党组织委员', '支委': '党组织委员',
  '主任': '村委会主任', '居委会主任': '村委会主任', '副主任': '村委会副主任', '居委会副主任': '村委会副主任',
  '一肩挑': '书记、主任一肩挑', '书记主任一肩挑': '书记、主任一肩挑', '书记兼主任': '书记、主任一肩挑',
  '后备': '后备干部', '组长': '村民小组长',
};

function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/**
 * Maps typed text to the table's canonical label; 汉 → 汉族 by the 族 suffix.
 * Returns undefined when nothing in the table matches.
 */
export function normalizeCode<T extends string>(table: readonly T[], raw: string): T | undefined {
  const s = squash(raw);
  if (!s) return undefined;
  if ((table as readonly string[]).includes(s)) return s as T;
  const alias = ALIASES[s];
  if (alias && (table as readonly string[]).includes(alias)) return alias as T;
  if (table === (ETHNICITIES as readonly string[]) && (table as readonly string[]).includes(s + '族')) return (s + '族') as T;
  return undefined;
}
