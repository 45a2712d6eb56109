import { z } from 'zod';
import { method } from './define.js';
import { crossStepInputSchema, type CrossCandidate, type CrossPilot, type CrossStage, type Verdict, type VerdictResult } from '../domain/crossPosting.js';
import type { EligibilityThresholds } from '../domain/eligibilityInputs.js';
import type { CompareColumn } from '../rules/eligibilityCompare.js';

/** One line of the 跨村任职 overview. */
export interface PilotRow {
  id: string;
  villageId: string;
  villageName: string;
  townCode: string;
  post: string;
  reason: string;
  periodStart: string;
  periodEnd: string;
  candidateCount: number;
  /** How many candidates stand at each stage ('' = listed, not yet nominated). */
  stageCounts: Partial<Record<CrossStage | '', number>>;
  /** The furthest stage any open candidate has reached, or 已任命. */
  currentStep: string;
  filled: CrossPilot['filled'];
  deletedAt?: string;
}

/** A cadre in the suggested pool or on the candidate list, with live verdicts. */
export interface CadreSummary {
  cadreId: string;
  name: string;
  sex: string;
  birth: string;
  age: number;
  politicalStatus: string;
  education: string;
  villageName: string;
  villagePost: string;
  currentPosition: string;
}

export interface PoolRow extends CadreSummary {
  verdicts: Verdict[];
  overall: VerdictResult;
  /** Already on this pilot's candidate list. */
  candidateId?: string;
}

export interface CandidateView extends CadreSummary {
  candidate: CrossCandidate;
  stage: CrossStage | '';
  verdicts: Verdict[];
  overall: VerdictResult;
  /** After 任命: the verdicts are those recorded that day (the cadre now sits in the target village). */
  asOf?: string;
}

export interface PilotDetail {
  pilot: CrossPilot;
  villageName: string;
  townCode: string;
  referenceDate: string;
  thresholds: EligibilityThresholds;
  ruleVersion: string;
  candidates: CandidateView[];
  /** Candidates moved out of the list (回收站), newest removal first, so they can be restored. */
  removed: CandidateView[];
}

/** What recording a step or restoring a candidate reports besides the candidate itself. */
export interface StepResult {
  candidate: CandidateView;
  warnings: string[];
  /** Names of the other candidates closed as 未通过 because this step filled the pilot. */
  closed: string[];
}

export interface RuleInfo {
  id: string;
  label: string;
  thresholds: string[];
}

const id = z.string().min(1);
const cadreIds = z.array(id).min(2, '请至少选择 2 名人选进行比较').max(5, '最多同时比较 5 名人选');

export const crossPostingContract = {
  'cross.overview': method<PilotRow[]>()(z.object({ deleted: z.boolean().default(false) })),
  'cross.pilotGet': method<PilotDetail>()(z.object({ id })),
  /** Data is validated with crossPilotInputSchema in the handler, so field errors come back per field. */
  'cross.pilotCreate': method<CrossPilot>()(z.object({ data: z.record(z.string(), z.unknown()) })),
  'cross.pilotUpdate': method<CrossPilot>()(z.object({ id, data: z.record(z.string(), z.unknown()) })),
  'cross.pilotDelete': method<{ ok: true }>()(z.object({ id })),
  'cross.pilotRestore': method<CrossPilot>()(z.object({ id })),
  'cross.pool': method<PoolRow[]>()(z.object({ pilotId: id })),
  /** Evaluates any cadre against a pilot without adding them (the "what does not fit" preview). */
  'cross.evaluate': method<PoolRow>()(z.object({ pilotId: id, cadreId: id })),
  'cross.candidateAdd': method<CandidateView>()(z.object({ pilotId: id, cadreId: id, origin: z.enum(['推荐', '手动添加']).default('手动添加') })),
  'cross.candidateRemove': method<{ ok: true }>()(z.object({ id })),
  /** Puts a removed candidate back on the list; on a filled pilot an open one comes back as 未通过. */
  'cross.candidateRestore': method<StepResult>()(z.object({ id })),
  /**
   * Records the next step; the result carries warnings such as 公示不足 5 个工作日. 任命 closes the
   * pilot's other open candidates as 未通过 in the same save.
   */
  'cross.step': method<StepResult>()(z.object({ candidateId: id, step: crossStepInputSchema })),
  'cross.compare': method<CompareColumn[]>()(z.object({ pilotId: id, cadreIds })),
  'cross.comparisonPdf': method<{ fileName: string; base64: string }>()(z.object({ pilotId: id, cadreIds })),
  'cross.rules': method<{ version: string; rules: RuleInfo[] }>()(z.object({})),
};
