/**
 * Gathers what the dossier prints for one 跨村任职 candidate from the vault document. The
 * eligibility shown is the snapshot stored with the candidate's latest step (what the decision
 * was based on); a candidate with no step yet is evaluated on the current file.
 */
import { AppError } from '../../shared/contract/define.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { townName } from '../../shared/domain/towns.js';
import { today } from '../../shared/rules/dates.js';
import { referenceDateOf, RULE_VERSION } from '../../shared/rules/eligibility.js';
import { columnOf, evaluateFor } from '../crossPosting/columns.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { CrossCandidate, CrossPilot, Verdict, VerdictResult } from '../../shared/domain/crossPosting.js';
import type { CompareColumn } from '../../shared/rules/eligibilityCompare.js';
import type { FamilyColumn } from './rmbForm.js';

/** What the dossier (dossier.ts, ../docx/dossierDocx.ts) prints for one candidate. */
export interface DossierData {
  pilot: CrossPilot;
  townName: string;
  villageName: string;
  candidate: CrossCandidate;
  cadre: Cadre;
  /** Age and years are counted at the pilot's reference date, as the eligibility rules do. */
  refDate: string;
  familyColumn: FamilyColumn;
  eligibility: { verdicts: Verdict[]; overall: VerdictResult; ruleVersion: string; evaluatedAt: string; recorded: boolean };
  /** Columns of the comparison (this candidate first), or null when there was no one to compare. */
  comparison: CompareColumn[] | null;
  printedOn: string;
  operator: string;
}

/** The comparison holds at most 5 columns (the contract's limit for cross.compare). */
const MAX_COMPARED = 5;

export function dossierData(doc: VaultDocument, candidateId: string, operator: string, now = new Date()): DossierData {
  const candidate = doc.crossCandidates.find((c) => c.id === candidateId);
  if (!candidate) throw new AppError('NOT_FOUND', '找不到该跨村任职人选（可能已被删除）');
  if (candidate.deletedAt) throw new AppError('CONFLICT', '该跨村任职人选已移出名单，不能打印任用材料');
  const pilot = doc.crossPilots.find((p) => p.id === candidate.pilotId);
  if (!pilot) throw new AppError('NOT_FOUND', '找不到该人选所属的跨村任职试点');
  const cadre = doc.cadres.find((c) => c.id === candidate.cadreId);
  if (!cadre) throw new AppError('NOT_FOUND', '找不到该人选的干部档案');
  const village = doc.villages.find((v) => v.id === pilot.villageId);
  const villageName = village?.name ?? '（村居已删除）';

  const last = candidate.steps[candidate.steps.length - 1];
  const eligibility = last
    ? { verdicts: last.eligibility.verdicts, overall: last.eligibility.overall, ruleVersion: last.eligibility.ruleVersion, evaluatedAt: last.eligibility.evaluatedAt, recorded: true }
    : (() => {
        const ev = evaluateFor(doc, pilot, cadre);
        return { verdicts: ev.verdicts, overall: ev.overall, ruleVersion: RULE_VERSION, evaluatedAt: now.toISOString(), recorded: false };
      })();

  // Candidates weighed for the same pilot: this one first, then the others in the order listed.
  const others = doc.crossCandidates
    .filter((c) => !c.deletedAt && c.pilotId === pilot.id && c.id !== candidate.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .slice(0, MAX_COMPARED - 1);
  const comparison = others.length
    ? [candidate, ...others].flatMap((c) => {
        const cad = doc.cadres.find((x) => x.id === c.cadreId);
        return cad ? [columnOf(doc, pilot, cad, c)] : [];
      })
    : null;

  // 拟任职务 on the form: what the file says, else the pilot's post in the target village.
  const proposed = cadre.proposedPosition || `${townName(village?.townCode)}${villageName}${pilot.post}`;
  return {
    pilot,
    townName: townName(village?.townCode),
    villageName,
    candidate,
    cadre: { ...cadre, proposedPosition: proposed },
    refDate: referenceDateOf(pilot),
    familyColumn: doc.settings.familyColumn,
    eligibility,
    comparison,
    printedOn: today(now),
    operator,
  };
}
