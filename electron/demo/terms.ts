/**
 * 示例 data for issue 15: 任职经历 for everyone, two 届次 per village, a few 历史任职干部, and one
 * case of every reminder kind. Dated relative to `on` (the day the 示例 is loaded), so a fresh
 * 示例 vault shows every kind on the reminders desk whatever the date; deterministic for a given `on`.
 */
import type { Cadre } from '../../shared/domain/cadre.js';
import type { CrossCandidate, CrossStep, CrossStepFields } from '../../shared/domain/crossPosting.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import type { LeaveReason, VillageTerm } from '../../shared/domain/terms.js';
import { evaluateEligibility, gatherInputs } from '../../shared/rules/eligibility.js';
import { addMonths, addYears, seedRecord } from '../../shared/rules/postHistory.js';
import { appointmentChanges } from '../crossPosting/decisions.js';
import { recordCrossAppointment } from '../handlers/postChanges.js';

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('.').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + n * DAY_MS);
  return `${t.getUTCFullYear()}.${pad(t.getUTCMonth() + 1)}.${pad(t.getUTCDate())}`;
}

const LEFT: Array<{ reason: LeaveReason; destination: string }> = [
  { reason: '辞职', destination: '外出经商' },
  { reason: '调任', destination: '镇街机关事业单位' },
  { reason: '退休', destination: '退休' },
  { reason: '换届未连任', destination: '本村股份社' },
];

export function addTermsDemo(doc: VaultDocument, on: string, now: string): void {
  const meta = (id: string) => ({ id, createdAt: now, updatedAt: now, demo: true as const });

  // Everyone's current post is their first record.
  doc.postRecords = doc.cadres.flatMap((c) => seedRecord(c, `demo-h-${c.id}`, now) ?? []);
  for (const r of doc.postRecords) r.basis = '示例：换届选举结果';

  // About one in three hundred has left (村民小组长 and the like, never a 两委 member the structure counts).
  const byId = new Map(doc.cadres.map((c) => [c.id, c]));
  let k = 0;
  for (const r of doc.postRecords) {
    if (r.post !== '村民小组长' && r.post !== '股份社理事长') continue;
    if (k++ % 300 !== 5) continue;
    const left = LEFT[(k / 300) % LEFT.length | 0];
    Object.assign(r, { end: addMonths(on, -2 - (k % 5)), leaveReason: left.reason, destination: left.destination, leaveBasis: '示例：镇街党（工）委批复' });
    const c = byId.get(r.cadreId)!;
    delete c.villagePost;
    c.postSince = '';
  }

  // Two 届次 per village; the current one falls due from two months ago to nine months ahead.
  const terms: VillageTerm[] = [];
  doc.villages.forEach((v, i) => {
    const start = addMonths(on, -60 + ((i * 5) % 12) - 2);
    terms.push(
      { ...meta(`demo-t-${i}-6`), villageId: v.id, number: 6, start: addYears(start, -5), end: '', dueDate: '', completedOn: start, note: '' },
      { ...meta(`demo-t-${i}-7`), villageId: v.id, number: 7, start, end: '', dueDate: '', completedOn: '', note: '' },
    );
  });
  doc.villageTerms = terms;

  // 书记跟班: a second batch just ended, not yet evaluated.
  const first = doc.shadowBatches[0];
  if (first) {
    const end = addDays(on, -10);
    const start = addMonths(end, -3);
    const batch = { ...first, ...meta('demo-b-1'), name: `${start.slice(0, 4)}年第二期书记跟班学习`, year: Number(start.slice(0, 4)), start, end };
    doc.shadowBatches.push(batch);
    const learners = doc.shadowPlacements.slice(0, 2).map((p, i) => ({ ...p, ...meta(`demo-s-b1-${i}`), batchId: batch.id, start, end, evaluation: null }));
    doc.shadowPlacements.push(...learners);
  }

  // 智库结对: the first pair's agreed term ends next month.
  if (doc.mentorPairs[0]) doc.mentorPairs[0].end = addMonths(on, 1);

  // 跨村任职: one candidate whose 公示 ended three days ago, one pilot filled two years ago ending next month.
  addCrossCases(doc, on, now);
  addReserves(doc, on, now);
}

/**
 * Every 后备干部 enters the lifecycle, at stages spread as in a real pool; one in four has no 评价
 * for last year yet. 已使用 is left out: it would need the file's post changed too.
 */
function addReserves(doc: VaultDocument, on: string, now: string): void {
  const STAGES = ['入库', '培养中', '培养中', '列为考察对象', '培养中', '退出'] as const;
  const lastYear = Number(on.slice(0, 4)) - 1;
  let k = 0;
  for (const c of doc.cadres) {
    if (c.villagePost !== '后备干部') continue;
    const stage = STAGES[k % STAGES.length];
    const enteredOn = addMonths(on, -12 - (k % 30)).slice(0, 7);
    const firstYear = Number(enteredOn.slice(0, 4));
    const evaluations = [];
    for (let y = firstYear; y <= lastYear; y++) {
      if (y === lastYear && k % 4 === 0) continue;
      evaluations.push({ year: y, grade: (['优秀', '良好', '良好', '一般'] as const)[(k + y) % 4], comment: '' });
    }
    doc.reserveRecords.push({
      id: `demo-r-${k}`, createdAt: now, updatedAt: now, demo: true,
      cadreId: c.id, stage, enteredOn, stageOn: stage === '入库' ? enteredOn : addMonths(`${enteredOn}.01`, 6).slice(0, 7),
      measures: '到镇街挂职锻炼；参加后备干部培训班', contact: '镇街组织办（示例）', usedAs: '',
      exitReason: stage === '退出' ? '外出务工，本人申请退出' : '', evaluations,
    });
    k++;
  }
}

function addCrossCases(doc: VaultDocument, on: string, now: string): void {
  const villages = new Map(doc.villages.map((v) => [v.id, v]));
  const strong = (c: Cadre) => {
    const v = villages.get(c.villageId ?? '');
    return !!v && (v.strength === '强' || v.demonstration !== null) && v.weakLax?.status !== '整顿中';
  };
  const used = new Set<string>();
  const usedPilots = new Set<string>();
  const DEPUTY_POSTS = new Set(['党组织副书记', '村委会副主任', '党组织委员', '村委会委员']);
  /** An eligible deputy of a strong village in the pilot's 镇街, for the first pilot that has one. */
  const candidateFor = () => {
    for (const pilot of doc.crossPilots) {
      if (usedPilots.has(pilot.id)) continue;
      const town = villages.get(pilot.villageId)?.townCode;
      for (const c of doc.cadres) {
        if (used.has(c.id) || !DEPUTY_POSTS.has(c.villagePost ?? '') || !strong(c) || villages.get(c.villageId!)?.townCode !== town) continue;
        if (evaluateEligibility(gatherInputs(doc, pilot, c)).overall === 'fail') continue;
        used.add(c.id);
        usedPilots.add(pilot.id);
        return { cadre: c, pilot };
      }
    }
    return undefined;
  };
  const step = (pilot: VaultDocument['crossPilots'][number], cadre: Cadre, fields: Partial<CrossStepFields> & Pick<CrossStepFields, 'stage' | 'date'>): CrossStep => {
    const inputs = gatherInputs(doc, pilot, cadre);
    const ev = evaluateEligibility(inputs);
    return {
      notes: '', publicityStart: '', publicityEnd: '', reason: '', ...fields,
      operator: '示例', recordedAt: now, warnings: [],
      eligibility: { ruleVersion: ev.ruleVersion, evaluatedAt: now, inputs, verdicts: ev.verdicts, overall: ev.overall },
    };
  };
  const candidate = (id: string, pilotId: string, cadreId: string, steps: CrossStep[]): CrossCandidate => ({ id, pilotId, cadreId, origin: '推荐', note: '', demo: true, createdAt: now, updatedAt: now, steps });

  const pending = candidateFor();
  if (pending) {
    const { cadre, pilot } = pending;
    const pubEnd = addDays(on, -3);
    const pubStart = addDays(pubEnd, -9);
    doc.crossCandidates.push(candidate('demo-k-0', pilot.id, cadre.id, [
      step(pilot, cadre, { stage: '提名', date: addDays(pubStart, -20), notes: '镇党委推荐（示例）' }),
      step(pilot, cadre, { stage: '考察', date: addDays(pubStart, -10) }),
      step(pilot, cadre, { stage: '公示', date: addDays(pubStart, -1), publicityStart: pubStart, publicityEnd: pubEnd }),
    ]));
  }

  const filled = candidateFor();
  if (filled) {
    const { cadre, pilot } = filled;
    pilot.periodStart = addMonths(on, -23);
    pilot.periodEnd = addMonths(on, 1);
    const date = pilot.periodStart;
    const pubEnd = addDays(date, -5);
    const steps = [
      step(pilot, cadre, { stage: '提名', date: addDays(date, -40) }),
      step(pilot, cadre, { stage: '考察', date: addDays(date, -30) }),
      step(pilot, cadre, { stage: '公示', date: addDays(date, -16), publicityStart: addDays(pubEnd, -9), publicityEnd: pubEnd }),
      step(pilot, cadre, { stage: '任命', date, notes: '镇党委会议研究决定（示例）' }),
    ];
    doc.crossCandidates.push(candidate('demo-k-1', pilot.id, cadre.id, steps));
    // The pilot village's own 书记 makes way on the day of 任命.
    for (const r of doc.postRecords) {
      if (r.villageId !== pilot.villageId || r.end || (r.post !== '党组织书记' && r.post !== '书记、主任一肩挑')) continue;
      Object.assign(r, { end: date, leaveReason: '免职', leaveBasis: '示例：镇街党（工）委决定', destination: '另有任用' });
      const old = doc.cadres.find((c) => c.id === r.cadreId)!;
      delete old.villagePost;
      old.postSince = '';
    }
    const prior = { villageId: cadre.villageId, villagePost: cadre.villagePost, postSince: cadre.postSince };
    Object.assign(cadre, appointmentChanges(cadre, doc, pilot, date));
    recordCrossAppointment(doc, cadre, prior, { villageId: pilot.villageId, post: pilot.post }, date, { id: 'demo-h-cross-1', at: now, audit: () => undefined });
    // The record the 任命 opened is 示例 too, so 清除示例数据 leaves no history of a person it removed.
    for (const r of doc.postRecords) if (r.id === 'demo-h-cross-1') r.demo = true;
    pilot.filled = { candidateId: 'demo-k-1', cadreId: cadre.id, cadreName: cadre.name, date };
  }
}
