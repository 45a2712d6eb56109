/**
 * Synthetic 示例 data: realistic-looking but invented cadres and villages for all ten 镇街.
 * Every record carries `demo: true` and the document is flagged, so screens can say 示例.
 * Deterministic for a given seed, so the benchmark measures the same data each run; linear in
 * the number of cadres (the benchmark builds 50k).
 */
import { type VillagePost } from '../../shared/domain/codes.js';

/** Minorities one actually meets among Guangdong village cadres; a random GB 3304 pick (门巴族…) looks invented. */
const DEMO_MINORITIES = ['壮族', '瑶族', '畲族', '回族', '满族', '苗族', '土家族'] as const;
import type { Cadre, FamilyMember, NegativeFlag, Relation, ResumeLine } from '../../shared/domain/cadre.js';
import { emptyDocument, type VaultDocument } from '../../shared/domain/document.js';
import { TOWNS } from '../../shared/domain/towns.js';
import type { Village } from '../../shared/domain/village.js';
import { idCheckChar } from '../../shared/rules/idCard.js';
import { addProgramDemo } from './programs.js';
import { addTermsDemo } from './terms.js';
import { today } from '../../shared/rules/dates.js';

const SURNAMES = '陈李梁黄何罗吴张周林麦冯郭区欧杨刘潘苏邓谢胡卢曾叶钟彭伍关霍简'.split('');
const GIVEN_MALE = '建国志强伟明华家豪振宇俊杰永康锦荣泽楠子轩文斌国良海锋德耀辉卓健'.split('');
const GIVEN_FEMALE = '丽敏婉婷嘉欣惠玲淑仪思琪少芬娟海燕美秀英玉兰雪梅佩诗'.split('');
const GIVEN = { 男: GIVEN_MALE, 女: GIVEN_FEMALE } as const;
const VILLAGE_STEMS = ['水藤', '逢简', '马东', '上涌', '北水', '黄连', '葛岸', '大晚', '右滩', '光华', '龙眼', '沙富', '冲鹤', '仙涌', '南水', '西海', '东村', '岗头', '荔村', '新基', '古粉', '昌教', '桑麻', '吉佑', '碧江', '林头', '三洪奇', '良教', '赤花', '青云'];
const GRADES = ['优秀', '称职', '称职', '称职', '基本称职'] as const;
const SCHOOLS: Record<string, string[]> = {
  研究生: ['华南农业大学经济管理学院农业管理专业', '中共广东省委党校研究生部公共管理专业'],
  大学: ['广东工业大学管理学院工商管理专业', '华南师范大学政治与行政学院行政管理专业', '佛山科学技术学院经济管理学院会计学专业'],
  大专: ['顺德职业技术学院经济管理系物流管理专业', '广东农工商职业技术学院农业经济管理专业', '广东省委党校函授学院经济管理专业'],
  中专: ['顺德区梁銶琚职业技术学校财会专业', '佛山市华材职业技术学校机电专业'],
};
const COMPANIES = ['顺德区北滘镇某家电企业', '顺德区容桂某五金制品有限公司', '顺德区大良某物流公司', '顺德区乐从某家具商行', '顺德区龙江某纺织厂', '顺德区陈村某花卉场'];
const NEGATIVE_SAMPLES: Array<Pick<NegativeFlag, 'kind' | 'source' | 'note'>> = [
  { kind: '失信被执行人', source: '法院失信被执行人名单（示例）', note: '民间借贷纠纷，未履行判决' },
  { kind: '违法用地/违建', source: '镇街自然资源部门函告（示例）', note: '自建厂房未批先建' },
  { kind: '拖欠集体资金', source: '股份社财务审计（示例）', note: '拖欠集体物业租金' },
  { kind: '长期外出不能履职', source: '村党组织报告（示例）', note: '长期在外地经营' },
  { kind: '受党纪政务处分未满影响期', source: '区纪委监委通报（示例）', note: '党内警告处分' },
];

/**
 * The 两委 team every village gets before anyone else is placed, in the order slots are filled
 * (round by round across villages, so even a small demo gives each village its 书记 first).
 * `lead` is the village's 书记 slot: 一肩挑 or separate 书记 + 主任, decided per village.
 */
const TEAM_SLOTS: Array<VillagePost | 'lead'> = ['lead', '党组织副书记', '党组织委员', '村委会副主任', '后备干部', '村委会委员', '党组织委员', '村委会委员'];
/** Everyone beyond the teams; reserves are few enough that some 镇街 fall short of the 1:2 target, as in life. */
const EXTRA_POSTS: VillagePost[] = ['村民小组长', '村民小组长', '村民小组长', '村民小组长', '村民小组长', '村民小组长', '股份社理事长', '股份社理事长', '村委会委员', '党组织委员', '村民小组长', '后备干部'];

/** Small seeded PRNG (mulberry32) so demo and benchmark data are repeatable. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function makeIdNumber(birthY: number, birthM: number, birthD: number, male: boolean, serial: number): string {
  const seq = (serial % 500) * 2 + (male ? 1 : 0);
  const first17 = `440606${birthY}${pad(birthM)}${pad(birthD)}${pad(seq, 3)}`;
  return first17 + idCheckChar(first17);
}

/** Birth-year range by post: 书记 are older, 后备 young — as the real teams are. */
function birthYearFor(post: VillagePost, r: () => number): number {
  switch (post) {
    case '党组织书记':
    case '书记、主任一肩挑':
      return 1964 + Math.floor(r() * 22);
    case '后备干部':
      return 1986 + Math.floor(r() * 14);
    case '村民小组长':
    case '股份社理事长':
      return 1962 + Math.floor(r() * 30);
    default:
      return 1970 + Math.floor(r() * 28);
  }
}

function educationFor(post: VillagePost, r: () => number): string {
  const x = r();
  if (post === '后备干部') return x < 0.15 ? '研究生' : x < 0.55 ? '大学' : x < 0.85 ? '大专' : '高中';
  if (post === '村民小组长' || post === '股份社理事长') return x < 0.1 ? '大专' : x < 0.4 ? '高中' : x < 0.8 ? '初中' : '中专';
  return x < 0.05 ? '研究生' : x < 0.3 ? '大学' : x < 0.65 ? '大专' : x < 0.8 ? '中专' : '高中';
}

function politicalStatusFor(post: VillagePost, age: number, r: () => number): string {
  if (post.startsWith('党组织') || post === '书记、主任一肩挑') return '中共党员';
  const x = r();
  if (post === '后备干部') return x < 0.6 ? '中共党员' : x < 0.75 ? '中共预备党员' : age <= 28 ? '共青团员' : '群众';
  return x < 0.7 ? '中共党员' : age <= 28 && x < 0.85 ? '共青团员' : '群众';
}

/** 2–5 relatives: spouse, children, parents, with plausible ages, 政治面貌 and work units. */
function familyFor(surname: string, male: boolean, by: number, refYear: number, r: () => number, pick: <T>(xs: readonly T[]) => T): FamilyMember[] {
  const out: FamilyMember[] = [];
  const given = (male: boolean) => {
    const g = male ? GIVEN_MALE : GIVEN_FEMALE;
    return pick(g) + (r() < 0.7 ? pick(g) : '');
  };
  const ps = (age: number) => (age < 14 ? '群众' : age <= 28 && r() < 0.5 ? '共青团员' : r() < 0.3 ? '中共党员' : '群众');
  const month = () => pad(1 + Math.floor(r() * 12));
  const spouseBy = by + Math.floor(r() * 5) - 2;
  const spouseSurname = pick(SURNAMES.filter((s) => s !== surname));
  out.push({ relation: male ? '妻子' : '丈夫', name: spouseSurname + given(!male), birth: `${spouseBy}.${month()}`, politicalStatus: ps(refYear - spouseBy), workUnit: r() < 0.5 ? `${pick(COMPANIES)}职员` : r() < 0.5 ? '个体经营' : '务农', idNumber: '' });
  const children = 1 + Math.floor(r() * 2);
  const childSurname = male ? surname : r() < 0.8 ? spouseSurname : surname;
  for (let k = 0; k < children; k++) {
    const cy = Math.min(refYear - 1, by + 24 + Math.floor(r() * 10) + k * 2);
    const age = refYear - cy;
    const son = r() < 0.5;
    out.push({
      relation: son ? (k === 0 ? '长子' : '次子') : k === 0 ? '长女' : '次女',
      name: childSurname + given(son),
      birth: `${cy}.${month()}`,
      politicalStatus: ps(age),
      workUnit: age < 7 ? '学龄前' : age < 18 ? '顺德区某中小学学生' : age < 23 ? '广东某高校学生' : `${pick(COMPANIES)}职员`,
      idNumber: '',
    });
  }
  if (out.length < 5 && r() < 0.6) {
    const fy = by - 24 - Math.floor(r() * 8);
    out.push({ relation: '父亲', name: surname + given(true), birth: `${fy}.${month()}`, politicalStatus: r() < 0.3 ? '中共党员' : '群众', workUnit: refYear - fy > 62 ? '退休' : '务农', idNumber: '' });
  }
  if (out.length < 5 && r() < 0.6) {
    const my = by - 22 - Math.floor(r() * 8);
    out.push({ relation: '母亲', name: pick(SURNAMES) + given(false), birth: `${my}.${month()}`, politicalStatus: '群众', workUnit: refYear - my > 55 ? '退休' : '务农', idNumber: '' });
  }
  return out;
}

/** Dated 简历 lines from school to the present post, without gaps. */
function gradYearFor(edu: string, by: number): number {
  return by + (edu === '研究生' ? 25 : edu === '大学' ? 22 : edu === '大专' ? 21 : edu === '中专' || edu === '高中' ? 18 : 16);
}

function resumeFor(villageName: string, post: VillagePost, edu: string, school: string, by: number, postSince: number, r: () => number, pick: <T>(xs: readonly T[]) => T): ResumeLine[] {
  const lines: ResumeLine[] = [];
  const gradYear = gradYearFor(edu, by);
  if (school) lines.push({ from: `${gradYear - (edu === '大学' ? 4 : 3)}.09`, to: `${gradYear}.07`, text: `${school}学习` });
  let year = gradYear;
  if (postSince - year > 6) {
    const mid = year + 2 + Math.floor(r() * Math.max(1, postSince - year - 4));
    lines.push({ from: `${year}.07`, to: `${mid}.03`, text: `${pick(COMPANIES)}员工` });
    year = mid;
  }
  if (postSince > year) {
    lines.push({ from: `${year}.03`, to: `${postSince}.03`, text: `${villageName}${pick(['股份合作社工作人员', '党群服务中心工作人员', '村委会委员'])}` });
  }
  lines.push({ from: `${postSince}.03`, to: '', text: `${villageName}${post === '书记、主任一肩挑' ? '党组织书记、村委会主任' : post}` });
  return lines;
}

/**
 * `remindersOn`: the day the 任期 / 提醒 part is dated from (default: the day it is built), so
 * every reminder kind shows on a fresh 示例 vault.
 */
export function buildDemoDocument(opts: { cadres: number; seed?: number; now?: string; remindersOn?: string }): VaultDocument {
  const r = rng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const now = opts.now ?? '2026-01-01T00:00:00.000Z';
  const refYear = Number(now.slice(0, 4));
  const doc = emptyDocument(now);
  doc.meta.demo = true;

  const villages: Village[] = [];
  let vn = 0;
  for (const town of TOWNS) {
    const count = 8 + Math.floor(r() * 5);
    for (let i = 0; i < count; i++) {
      const stem = VILLAGE_STEMS[(vn * 7 + i) % VILLAGE_STEMS.length];
      const roll = r();
      const strength = roll < 0.3 ? '强' : roll < 0.85 ? '一般' : '弱';
      villages.push({
        id: `demo-v-${vn}`,
        name: `${town.name}${stem}${i % 4 === 3 ? '社区' : '村'}`,
        townCode: town.code,
        kind: i % 4 === 3 ? '社区' : '村',
        strength,
        weakLax: strength === '弱' && r() < 0.6 ? { year: 2023, status: r() < 0.5 ? '整顿中' : '已整顿' } : null,
        demonstration: strength === '强' && r() < 0.4 ? (r() < 0.3 ? '市级' : '区级') : null,
        redVillage: r() < 0.08,
        crossPilot: false,
        vitality: [2023, 2024, 2025].map((year) => ({ year, stars: Math.max(1, Math.min(5, Math.round((strength === '强' ? 4 : strength === '一般' ? 3 : 2) + (r() - 0.5) * 2))) })),
        note: '',
        demo: true,
        createdAt: now,
        updatedAt: now,
      });
      vn++;
    }
  }
  // Five pilot villages: the weakest in five towns (the plan's 5 村居 试点).
  for (const town of TOWNS.slice(0, 5)) {
    const weak = villages.find((v) => v.townCode === town.code && v.strength === '弱') ?? villages.find((v) => v.townCode === town.code && v.strength === '一般');
    if (weak) weak.crossPilot = true;
  }
  doc.villages = villages;
  const oneShoulder = villages.map(() => r() < 0.75);

  // Seat the teams slot by slot; the 'lead' slot of a village without 一肩挑 takes two people.
  const seats: Array<{ village: number; post: VillagePost }> = [];
  for (const slot of TEAM_SLOTS) {
    villages.forEach((_v, vi) => {
      if (slot !== 'lead') seats.push({ village: vi, post: slot });
      else if (oneShoulder[vi]) seats.push({ village: vi, post: '书记、主任一肩挑' });
      else seats.push({ village: vi, post: '党组织书记' }, { village: vi, post: '村委会主任' });
    });
  }

  const usedIds = new Set<string>();
  const cadres: Cadre[] = [];
  const surnames: string[] = [];
  for (let i = 0; i < opts.cadres; i++) {
    const seat = seats[i] ?? { village: Math.floor(r() * villages.length), post: pick(EXTRA_POSTS) };
    const village = villages[seat.village];
    const post = seat.post;
    const lead = post === '党组织书记' || post === '书记、主任一肩挑';
    const male = r() < (lead ? 0.85 : 0.62);
    const by = birthYearFor(post, r);
    const bm = 1 + Math.floor(r() * 12);
    const bd = 1 + Math.floor(r() * 28);
    const surname = pick(SURNAMES);
    const given = GIVEN[male ? '男' : '女'];
    const name = surname + pick(given) + (r() < 0.7 ? pick(given) : '');
    const age = refYear - by;
    const politicalStatus = politicalStatusFor(post, age, r);
    const party = politicalStatus === '中共党员' || politicalStatus === '中共预备党员';
    const joinY = politicalStatus === '中共预备党员' ? refYear - 1 : Math.min(refYear - 2, by + 20 + Math.floor(r() * 15));
    const edu = educationFor(post, r);
    const school = pick(SCHOOLS[edu] ?? ['']);
    // Older cadres often got their 大专 later by 在职 study.
    const partTime = edu === '高中' && lead && r() < 0.5 ? { level: '大专', degree: '', levelSchool: pick(SCHOOLS['大专']), degreeSchool: '' } : { level: '', degree: '', levelSchool: '', degreeSchool: '' };
    const workY = Math.min(refYear - 1, Math.max(gradYearFor(edu, by), by + 18 + Math.floor(r() * 6)));
    const postSince = Math.min(refYear - 1, Math.max(workY + 1, 2021 - (lead ? Math.floor(r() * 3) * 3 : 0)));
    const villageWorkSince = Math.max(workY, postSince - 3 - Math.floor(r() * 8));
    let idNumber = makeIdNumber(by, bm, bd, male, i);
    for (let k = 1; usedIds.has(idNumber); k++) idNumber = makeIdNumber(by, bm, bd, male, i + k * 7);
    usedIds.add(idNumber);
    const assessments = [refYear - 3, refYear - 2, refYear - 1].filter((y) => y > postSince - 3).map((year) => ({ year, grade: pick(GRADES) }));
    const tags: Cadre['tags'] = [];
    if (age <= 35) tags.push('青年');
    if (post === '后备干部') tags.push('后备');
    if (lead && r() < 0.25) tags.push('优秀带头人');
    cadres.push({
      id: `demo-c-${i}`,
      name,
      sex: male ? '男' : '女',
      birth: `${by}.${pad(bm)}`,
      ethnicity: r() < 0.97 ? '汉族' : pick(DEMO_MINORITIES),
      nativePlace: '广东佛山',
      birthPlace: '广东顺德',
      politicalStatus,
      partyJoinDate: party ? `${joinY}.${pad(1 + Math.floor(r() * 12))}` : '',
      workStartDate: `${workY}.${pad(1 + Math.floor(r() * 12))}`,
      health: '健康',
      techTitle: r() < 0.08 ? pick(['助理经济师', '经济师', '助理会计师']) : '',
      expertise: pick(['基层治理', '集体经济', '农业技术', '财务管理', '社区服务', '']),
      fullTimeEducation: { level: edu, degree: edu === '大学' ? '学士' : edu === '研究生' ? '硕士' : '', levelSchool: school, degreeSchool: edu === '大学' || edu === '研究生' ? school : '' },
      partTimeEducation: partTime,
      currentPosition: `${village.name}${post === '书记、主任一肩挑' ? '党组织书记、村委会主任' : post}`,
      proposedPosition: '',
      proposedRemoval: '',
      resume: resumeFor(village.name, post, edu, school, by, postSince, r, pick),
      rewards: r() < 0.2 ? `${refYear - 2 - Math.floor(r() * 3)}年被评为顺德区优秀共产党员` : '无',
      assessmentText: assessments.map((a) => `${a.year}年度${a.grade}`).join('；') + (assessments.length ? '。' : ''),
      assessments,
      appointmentReason: '',
      family: familyFor(surname, male, by, refYear, r, pick),
      photo: '',
      reportingUnit: '',
      filledBy: '',
      idNumber,
      phone: `139${pad(Math.floor(r() * 1e8), 8)}`,
      villageId: village.id,
      villagePost: post,
      postSince: `${postSince}.03`,
      villageWorkSince: `${villageWorkSince}.09`,
      tags,
      negativeFlags: [],
      relations: [],
      lrmxExtra: {},
      demo: true,
      createdAt: now,
      updatedAt: now,
    });
    surnames.push(surname);
  }

  addNegativeFlags(cadres, refYear, r);
  addKinship(cadres, surnames, villages, r);
  doc.cadres = cadres;
  addProgramDemo(doc, r, now);
  addTermsDemo(doc, opts.remindersOn ?? today(), now);
  return doc;
}

/** About one in two hundred people carries a 十不选 flag (never a 书记, whom the flag would have kept out). */
function addNegativeFlags(cadres: Cadre[], refYear: number, r: () => number): void {
  const every = 200;
  for (let i = 37; i < cadres.length; i += every) {
    const c = cadres[i];
    if (c.villagePost === '党组织书记' || c.villagePost === '书记、主任一肩挑') continue;
    const sample = NEGATIVE_SAMPLES[Math.floor(r() * NEGATIVE_SAMPLES.length)];
    c.negativeFlags.push({ ...sample, date: `${refYear - 1 - Math.floor(r() * 2)}.${pad(1 + Math.floor(r() * 12))}` });
  }
}

/**
 * About one in a hundred cadres gets a relative among the cadres of another village of the same
 * 镇街 (spouse or sibling), recorded both ways and in 家庭成员. Each 跨村任职试点 village also gets
 * one team member related to a cadre of a strong village nearby — exactly the person a 回避 check
 * must catch when that cadre is proposed for the pilot.
 */
function addKinship(cadres: Cadre[], surnames: string[], villages: Village[], r: () => number): void {
  const villageById = new Map(villages.map((v) => [v.id, v]));
  const townOf = (c: Cadre) => villageById.get(c.villageId ?? '')?.townCode ?? '';
  const byTown = new Map<string, number[]>();
  cadres.forEach((c, i) => {
    const t = townOf(c);
    (byTown.get(t) ?? byTown.set(t, []).get(t)!).push(i);
  });
  const taken = new Set<number>();
  const birthYear = (c: Cadre) => Number(c.birth.slice(0, 4));

  /** A partner of similar age in another village of the same town, so a sibling or spouse reads as one. */
  const partnerFor = (i: number, accept: (c: Cadre) => boolean = () => true): number => {
    const a = cadres[i];
    const pool = byTown.get(townOf(a)) ?? [];
    const start = Math.floor(r() * pool.length);
    for (let k = 0; k < pool.length; k++) {
      const j = pool[(start + k) % pool.length];
      const c = cadres[j];
      if (j !== i && !taken.has(j) && c.villageId !== a.villageId && Math.abs(birthYear(c) - birthYear(a)) <= 8 && accept(c)) return j;
    }
    return -1;
  };

  const link = (i: number, j: number) => {
    const a = cadres[i];
    const b = cadres[j];
    taken.add(i).add(j);
    const spouses = a.sex !== b.sex && Math.abs(birthYear(a) - birthYear(b)) <= 6;
    if (!spouses) {
      // Siblings share the family name (and so do b's father and, for a man, his children).
      const from = surnames[j];
      const to = surnames[i];
      b.name = to + b.name.slice(from.length);
      surnames[j] = to;
      for (const f of b.family) {
        if (f.name.startsWith(from) && (f.relation === '父亲' || (b.sex === '男' && /^[长次][子女]$/.test(f.relation)))) f.name = to + f.name.slice(from.length);
      }
    }
    const kind: Relation['kind'] = spouses ? '配偶' : '三代以内旁系血亲';
    a.relations.push({ kind, name: b.name, idNumber: b.idNumber, cadreId: b.id, note: b.currentPosition });
    b.relations.push({ kind, name: a.name, idNumber: a.idNumber, cadreId: a.id, note: a.currentPosition });
    const relTo = (x: Cadre, other: Cadre) => (spouses ? (x.sex === '男' ? '妻子' : '丈夫') : other.birth < x.birth ? (other.sex === '男' ? '哥哥' : '姐姐') : other.sex === '男' ? '弟弟' : '妹妹');
    const member = (x: Cadre, other: Cadre): FamilyMember => ({ relation: relTo(x, other), name: other.name, birth: other.birth, politicalStatus: other.politicalStatus, workUnit: other.currentPosition, idNumber: other.idNumber });
    if (spouses) {
      // A spouse on file replaces the invented one, and the couple share their children.
      const isChild = (f: FamilyMember) => /^[长次][子女]$/.test(f.relation);
      const isSpouse = (f: FamilyMember) => f.relation === '妻子' || f.relation === '丈夫';
      const children = a.family.filter(isChild);
      a.family = [member(a, b), ...a.family.filter((f) => !isSpouse(f))].slice(0, 5);
      b.family = [member(b, a), ...children, ...b.family.filter((f) => !isSpouse(f) && !isChild(f))].slice(0, 5);
    } else {
      a.family = [...a.family.slice(0, 4), member(a, b)];
      b.family = [...b.family.slice(0, 4), member(b, a)];
    }
  };

  const strong = (c: Cadre) => {
    const v = villageById.get(c.villageId ?? '');
    return !!v && (v.strength === '强' || v.demonstration !== null) && v.weakLax?.status !== '整顿中';
  };
  for (const v of villages.filter((x) => x.crossPilot)) {
    const i = cadres.findIndex((c, k) => !taken.has(k) && c.villageId === v.id && (c.villagePost === '党组织委员' || c.villagePost === '村委会委员'));
    if (i < 0) continue;
    const j = partnerFor(i, strong);
    if (j >= 0) link(i, j);
  }
  for (let i = 11; i < cadres.length; i += 97) {
    if (taken.has(i)) continue;
    const j = partnerFor(i);
    if (j >= 0) link(i, j);
  }
}
