/**
 * Synthetic 示例 data: realistic-looking but invented cadres and villages for all ten 镇街.
 * Every record carries `demo: true` and the document is flagged, so screens can say 示例.
 * Deterministic for a given seed, so the benchmark measures the same data each run.
 */
import { ETHNICITIES } from '../../shared/domain/codes.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import { emptyDocument, type VaultDocument } from '../../shared/domain/document.js';
import { TOWNS } from '../../shared/domain/towns.js';
import type { Village } from '../../shared/domain/village.js';
import { idCheckChar } from '../../shared/rules/idCard.js';

const SURNAMES = '陈李梁黄何罗吴张周林麦冯郭区欧杨刘潘苏邓谢胡卢曾叶钟彭伍关霍简'.split('');
const GIVEN = '建国志强伟明华丽敏婉婷家豪嘉欣振宇俊杰惠玲淑仪永康锦荣泽楠子轩思琪文斌少芬丽娟海燕国良美玲'.split('');
const VILLAGE_STEMS = ['水藤', '逢简', '马东', '上涌', '北水', '黄连', '葛岸', '大晚', '右滩', '光华', '龙眼', '沙富', '冲鹤', '仙涌', '南水', '西海', '东村', '岗头', '荔村', '新基', '古粉', '昌教', '桑麻', '吉佑', '碧江', '林头', '三洪奇', '良教', '赤花', '青云'];
const POSTS = ['党组织书记', '党组织副书记', '党组织委员', '村委会主任', '村委会副主任', '村委会委员', '书记、主任一肩挑', '后备干部', '村民小组长'] as const;
const EDU = ['大学', '大专', '大专', '中专', '高中', '高中', '初中', '研究生'];
const GRADES = ['优秀', '称职', '称职', '称职', '基本称职'] as const;

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

export function buildDemoDocument(opts: { cadres: number; seed?: number; now?: string }): VaultDocument {
  const r = rng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const now = opts.now ?? '2026-01-01T00:00:00.000Z';
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
        weakLax: strength === '弱' && r() < 0.6 ? { year: 2023, status: '整顿中' } : null,
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

  const cadres: Cadre[] = [];
  for (let i = 0; i < opts.cadres; i++) {
    const male = r() < 0.68;
    const by = 1962 + Math.floor(r() * 40);
    const bm = 1 + Math.floor(r() * 12);
    const bd = 1 + Math.floor(r() * 28);
    const name = pick(SURNAMES) + pick(GIVEN) + (r() < 0.7 ? pick(GIVEN) : '');
    const village = villages[Math.floor(r() * villages.length)];
    const party = r() < 0.8;
    const joinY = Math.min(2024, by + 20 + Math.floor(r() * 15));
    const edu = pick(EDU);
    const post = pick(POSTS);
    const workY = Math.min(2024, by + 18 + Math.floor(r() * 6));
    cadres.push({
      id: `demo-c-${i}`,
      name,
      sex: male ? '男' : '女',
      birth: `${by}.${pad(bm)}`,
      ethnicity: r() < 0.97 ? '汉族' : pick(ETHNICITIES),
      nativePlace: '广东佛山',
      birthPlace: `广东顺德`,
      politicalStatus: party ? '中共党员' : r() < 0.5 ? '群众' : '共青团员',
      partyJoinDate: party ? `${joinY}.${pad(1 + Math.floor(r() * 12))}` : '',
      workStartDate: `${workY}.${pad(1 + Math.floor(r() * 12))}`,
      health: '健康',
      techTitle: '',
      expertise: pick(['基层治理', '集体经济', '农业技术', '财务管理', '']),
      fullTimeEducation: { level: edu, degree: edu === '大学' ? '学士' : edu === '研究生' ? '硕士' : '', levelSchool: edu === '大学' || edu === '研究生' ? '广东工业大学管理学院工商管理专业' : '', degreeSchool: '' },
      partTimeEducation: { level: '', degree: '', levelSchool: '', degreeSchool: '' },
      currentPosition: `${village.name}${post}`,
      proposedPosition: '',
      proposedRemoval: '',
      resume: [
        { from: `${workY}.09`, to: `${workY + 6}.03`, text: `${village.name}股份合作社工作人员` },
        { from: `${workY + 6}.03`, to: '', text: `${village.name}${post}` },
      ],
      rewards: r() < 0.2 ? '2022年被评为顺德区优秀共产党员' : '无',
      assessmentText: '',
      assessments: [2023, 2024, 2025].map((year) => ({ year, grade: pick(GRADES) })),
      appointmentReason: '',
      family: [],
      photo: '',
      reportingUnit: '',
      filledBy: '',
      idNumber: makeIdNumber(by, bm, bd, male, i),
      phone: `139${pad(Math.floor(r() * 1e8), 8)}`,
      villageId: village.id,
      villagePost: post,
      postSince: `${Math.min(2025, workY + 6)}.03`,
      villageWorkSince: `${workY}.09`,
      tags: by >= 1991 ? ['青年'] : post === '后备干部' ? ['后备'] : [],
      negativeFlags: [],
      relations: [],
      lrmxExtra: {},
      demo: true,
      createdAt: now,
      updatedAt: now,
    });
  }
  doc.cadres = cadres;
  return doc;
}
