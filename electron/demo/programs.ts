/**
 * 示例 records for the program modules (书记跟班, 智库结对, 村居结对, 跨村任职), built on the demo
 * villages and cadres so every module of a demo vault has something to show. Same seeded PRNG,
 * so the whole demo document stays deterministic.
 */
import type { Cadre } from '../../shared/domain/cadre.js';
import type { CrossPilot } from '../../shared/domain/crossPosting.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import type { Activity, Expert, MentorPair, ShadowBatch, ShadowPlacement, VillagePair } from '../../shared/domain/programs.js';
import type { Village } from '../../shared/domain/village.js';

const EXPERTS: Array<Pick<Expert, 'name' | 'unit' | 'title' | 'fields'>> = [
  { name: '周振华', unit: '华南农业大学经济管理学院（示例）', title: '教授', fields: ['乡村振兴', '产业'] },
  { name: '林慧敏', unit: '顺德区农业农村局（示例）', title: '高级农艺师', fields: ['产业', '规划'] },
  { name: '关志明', unit: '广东某律师事务所顺德分所（示例）', title: '律师', fields: ['法律', '基层治理'] },
  { name: '梁淑仪', unit: '顺德区委党校（示例）', title: '副教授', fields: ['党建', '基层治理'] },
  { name: '何家豪', unit: '顺德区某会计师事务所（示例）', title: '注册会计师', fields: ['财务'] },
];

const isLead = (c: Cadre) => c.villagePost === '党组织书记' || c.villagePost === '书记、主任一肩挑';
const isStrong = (v: Village) => (v.strength === '强' || v.demonstration !== null) && v.weakLax?.status !== '整顿中';
const isWeak = (v: Village) => v.strength === '弱' || v.weakLax !== null;

export function addProgramDemo(doc: VaultDocument, r: () => number, now: string): void {
  const meta = (id: string) => ({ id, createdAt: now, updatedAt: now, demo: true as const });
  const leadOf = new Map<string, Cadre>();
  for (const c of doc.cadres) if (c.villageId && isLead(c) && !leadOf.has(c.villageId)) leadOf.set(c.villageId, c);
  const activity = (id: string, date: string, form: Activity['form'], content: string): Activity => ({ id, createdAt: now, date, form, hours: 2 + Math.floor(r() * 3), content, outcomes: '' });

  // 智库结对: five experts, each paired one-to-one with a 书记 of a strong village (优秀带头人 培养).
  doc.experts = EXPERTS.map((e, i) => ({ ...e, ...meta(`demo-e-${i}`), phone: '', joined: '2023.05', left: '', leftReason: '', note: '' }));
  const strongLeads = doc.villages.filter(isStrong).map((v) => leadOf.get(v.id)).filter((c): c is Cadre => !!c);
  doc.mentorPairs = doc.experts.map((e, i): MentorPair => {
    const cadre = strongLeads[(i * 7) % Math.max(1, strongLeads.length)];
    return {
      ...meta(`demo-m-${i}`),
      kind: '一对一', expertIds: [e.id], targetKind: '干部', cadreId: cadre?.id, villageId: undefined,
      start: '2023.06.01', end: '', goals: '提升带领集体经济发展和基层治理能力', status: '进行中', closed: null,
      activities: [
        activity(`demo-m-${i}-a1`, '2023.07.12', '座谈', '结对见面会，梳理村集体经济发展思路'),
        activity(`demo-m-${i}-a2`, '2024.03.20', '实地指导', '实地查看村级工业园改造项目，提出建议'),
      ],
    };
  }).filter((p) => p.cadreId);

  // 村居结对: in 2023, ten weak villages each paired with a strong village of the same 镇街.
  const pairs: VillagePair[] = [];
  for (const helped of doc.villages.filter(isWeak)) {
    if (pairs.length >= 10) break;
    const partner = doc.villages.find((v) => v.townCode === helped.townCode && v.id !== helped.id && isStrong(v));
    if (!partner) continue;
    const n = pairs.length;
    pairs.push({
      ...meta(`demo-p-${n}`),
      helpedVillageId: helped.id, partnerKind: '村（社区）', partnerVillageId: partner.id, partnerName: '',
      year: 2023, goals: '党建共建、产业互助、治理经验交流',
      status: n < 6 ? '已结束' : '进行中',
      closed: n < 6 ? { date: '2024.12.31', reason: '年度结对任务完成' } : null,
      activities: [
        activity(`demo-p-${n}-a1`, '2023.05.18', '座谈', '两村“两委”班子联席会议，签订结对协议'),
        activity(`demo-p-${n}-a2`, '2023.09.06', '实地指导', '组织到结对村学习人居环境整治经验'),
      ],
    });
  }
  doc.villagePairs = pairs;

  // 书记跟班: one finished batch; 书记 of weak villages shadow the 书记 of strong ones.
  const hosts = doc.villages.filter(isStrong).slice(0, 3);
  const batch: ShadowBatch = {
    ...meta('demo-b-0'),
    name: '2025年第一期书记跟班学习', year: 2025, start: '2025.09.01', end: '2025.11.30', youth: false,
    hosts: [
      ...hosts.map((v, i) => ({ key: `h${i + 1}`, kind: '村（社区）' as const, villageId: v.id, townCode: undefined, department: '', mentorCadreId: leadOf.get(v.id)?.id, mentorName: leadOf.get(v.id)?.name ?? '', capacity: 3 })),
      { key: 'h9', kind: '镇街部门' as const, villageId: undefined, townCode: doc.villages[0]?.townCode, department: '组织', mentorCadreId: undefined, mentorName: '组织办（示例）', capacity: 2 },
    ],
    note: '', cancelled: null,
  };
  const learners = doc.villages.filter(isWeak).map((v) => leadOf.get(v.id)).filter((c): c is Cadre => !!c).slice(0, 6);
  doc.shadowBatches = hosts.length ? [batch] : [];
  doc.shadowPlacements = hosts.length
    ? learners.map((c, i): ShadowPlacement => ({
        ...meta(`demo-s-${i}`),
        batchId: batch.id, hostKey: batch.hosts[i % batch.hosts.length].key, cadreId: c.id,
        start: batch.start, end: batch.end, goals: '学习村级事务规范化管理和集体经济发展经验',
        status: '结业', plannedEnd: '', stopped: null,
        evaluation: { grade: r() < 0.4 ? '优秀' : '合格', mentorComment: '学习认真，能结合本村实际提出整改思路', reflection: '', attachments: [] },
      }))
    : [];

  // 跨村任职: the five 试点 villages, each looking for a 书记 from a strong village.
  doc.crossPilots = doc.villages.filter((v) => v.crossPilot).map((v, i): CrossPilot => ({
    ...meta(`demo-x-${i}`),
    villageId: v.id, post: '党组织书记', reason: v.weakLax ? '软弱涣散村党组织整顿，选派强村优秀干部任职' : '班子战斗力偏弱，选派强村优秀干部任职',
    periodStart: '2026.03.01', periodEnd: '2029.02.28', referenceDate: '', thresholds: {}, note: '', filled: null,
  }));
}
