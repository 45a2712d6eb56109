/**
 * Facts about one cadre for a pilot: the summary shown in lists and the full comparison column.
 * Plain Node over the vault document; the eligibility rules themselves live in shared/.
 */
import type { CadreSummary } from '../../shared/contract/crossPosting.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import { currentStage, type CrossCandidate, type CrossPilot } from '../../shared/domain/crossPosting.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { latestStars, type Village } from '../../shared/domain/village.js';
import { ageAt, yearsBetween } from '../../shared/rules/dates.js';
import { highestEducation } from '../../shared/rules/education.js';
import { evaluateEligibility, gatherInputs, referenceDateOf, type EligibilityResult, type PilotContext } from '../../shared/rules/eligibility.js';
import type { CompareColumn } from '../../shared/rules/eligibilityCompare.js';

export function evaluateFor(doc: VaultDocument, pilot: CrossPilot, cadre: Cadre, ctx?: PilotContext): EligibilityResult & { inputs: ReturnType<typeof gatherInputs> } {
  const inputs = gatherInputs(doc, pilot, cadre, ctx);
  return { ...evaluateEligibility(inputs), inputs };
}

/**
 * After 任命 the cadre sits in the target village, so today's checks would fail them for being
 * "the target's own cadre"; what counts is the evaluation recorded at the 任命 step.
 */
export function verdictsFor(doc: VaultDocument, pilot: CrossPilot, cadre: Cadre, cand?: CrossCandidate): { verdicts: EligibilityResult['verdicts']; overall: EligibilityResult['overall']; asOf?: string } {
  const last = cand?.steps[cand.steps.length - 1];
  if (last?.stage === '任命') return { verdicts: last.eligibility.verdicts, overall: last.eligibility.overall, asOf: last.date };
  const ev = evaluateFor(doc, pilot, cadre);
  return { verdicts: ev.verdicts, overall: ev.overall };
}

export function summaryOf(cadre: Cadre, villages: Map<string, Village>, refDate: string): CadreSummary {
  const v = cadre.villageId ? villages.get(cadre.villageId) : undefined;
  return {
    cadreId: cadre.id,
    name: cadre.name,
    sex: cadre.sex,
    birth: cadre.birth,
    age: ageAt(cadre.birth, refDate),
    politicalStatus: cadre.politicalStatus,
    education: highestEducation(cadre),
    villageName: v?.name ?? '',
    villagePost: cadre.villagePost ?? '',
    currentPosition: cadre.currentPosition,
  };
}

function shadowHistory(doc: VaultDocument, cadreId: string): string[] {
  const batches = new Map(doc.shadowBatches.map((b) => [b.id, b]));
  const villages = new Map(doc.villages.map((v) => [v.id, v]));
  return doc.shadowPlacements
    .filter((p) => !p.deletedAt && p.cadreId === cadreId)
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((p) => {
      const batch = batches.get(p.batchId);
      const host = batch?.hosts.find((h) => h.key === p.hostKey);
      const where = host ? (host.kind === '村（社区）' ? villages.get(host.villageId ?? '')?.name ?? '' : host.department) : '';
      return `${batch?.name ?? '书记跟班'}${where ? ` · ${where}` : ''}（${p.start}–${p.end}，${p.status}${p.evaluation ? `，${p.evaluation.grade}` : ''}）`;
    });
}

function mentoringHistory(doc: VaultDocument, cadre: Cadre): string[] {
  const experts = new Map(doc.experts.map((e) => [e.id, e]));
  return doc.mentorPairs
    .filter((m) => !m.deletedAt && (m.cadreId === cadre.id || (m.targetKind === '村班子' && !!cadre.villageId && m.villageId === cadre.villageId)))
    .map((m) => {
      const names = m.expertIds.map((id) => experts.get(id)?.name ?? '').filter(Boolean).join('、');
      return `${m.kind}${m.targetKind === '村班子' ? '（村班子）' : ''} ${names || '专家'}（${m.start}–${m.end || '至今'}，${m.status}）`;
    });
}

export function columnOf(doc: VaultDocument, pilot: CrossPilot, cadre: Cadre, candidate?: CrossCandidate): CompareColumn {
  const ref = referenceDateOf(pilot);
  const villages = new Map(doc.villages.map((v) => [v.id, v]));
  const source = cadre.villageId ? villages.get(cadre.villageId) : undefined;
  const evaluation = evaluateFor(doc, pilot, cadre);
  const n = evaluation.inputs.thresholds.assessmentYears;
  const refYear = Number(ref.slice(0, 4));
  const current = cadre.assessments.find((a) => a.year === refYear);
  const windowYears = [...(current ? [refYear] : []), ...Array.from({ length: n }, (_, k) => refYear - 1 - k)];
  const stars = source ? latestStars(source) : undefined;
  const isMember = cadre.politicalStatus === '中共党员' || cadre.politicalStatus === '中共预备党员';
  const degree = cadre.fullTimeEducation.degree || cadre.partTimeEducation.degree;
  return {
    cadreId: cadre.id,
    candidateId: candidate?.id,
    stage: candidate ? currentStage(candidate) || '未提名' : '未列入人选',
    name: cadre.name,
    sex: cadre.sex,
    photo: cadre.photo,
    birth: cadre.birth,
    age: ageAt(cadre.birth, ref),
    politicalStatus: cadre.politicalStatus,
    partyJoinDate: cadre.partyJoinDate,
    partyYears: isMember && cadre.partyJoinDate ? yearsBetween(cadre.partyJoinDate, ref) : null,
    education: evaluation.inputs.candidate.education,
    degree: degree === '无' ? '' : degree,
    currentPosition: cadre.currentPosition,
    villagePost: cadre.villagePost ?? '',
    postSince: cadre.postSince,
    tenureYears: cadre.postSince ? yearsBetween(cadre.postSince, ref) : null,
    villageWorkSince: cadre.villageWorkSince,
    villageYears: cadre.villageWorkSince ? yearsBetween(cadre.villageWorkSince, ref) : null,
    source: source
      ? {
          name: source.name,
          strength: source.strength,
          demonstration: source.demonstration,
          weakLax: source.weakLax ? `${source.weakLax.year} 年软弱涣散（${source.weakLax.status}）` : '',
          stars: stars?.stars ?? null,
          starsYear: stars?.year ?? null,
        }
      : null,
    assessments: windowYears.map((year) => ({ year, grade: cadre.assessments.find((a) => a.year === year)?.grade ?? '' })),
    shadow: shadowHistory(doc, cadre.id),
    mentoring: mentoringHistory(doc, cadre),
    rewards: cadre.rewards,
    negativeFlags: cadre.negativeFlags.map((f) => `${f.kind}（${f.date}）`),
    ...verdictsFor(doc, pilot, cadre, candidate),
  };
}
