/**
 * The comparison as a finished document for a pilot and a list of cadres: what `cross.comparisonPdf`
 * prints and what the appointment dossier embeds, so both show exactly the same table.
 */
import type { CrossPilot } from '../../shared/domain/crossPosting.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { townName } from '../../shared/domain/towns.js';
import { today } from '../../shared/rules/dates.js';
import { referenceDateOf, RULE_VERSION } from '../../shared/rules/eligibility.js';
import { findRecord } from '../handlers/records.js';
import { columnOf } from './columns.js';
import { comparisonHtml } from './comparisonHtml.js';

export function pilotTitle(doc: Pick<VaultDocument, 'villages'>, p: Pick<CrossPilot, 'villageId' | 'post'>): string {
  const v = doc.villages.find((x) => x.id === p.villageId);
  return `${townName(v?.townCode)} ${v?.name ?? '（村居已删除）'} · ${p.post}`;
}

export function comparisonDocument(
  doc: VaultDocument,
  pilot: CrossPilot,
  cadreIds: string[],
  opts: { operator: string; printedOn?: string },
): { html: string; fileName: string } {
  const columns = cadreIds.map((cid) =>
    columnOf(doc, pilot, findRecord(doc.cadres, cid, '干部档案'), doc.crossCandidates.find((c) => !c.deletedAt && c.pilotId === pilot.id && c.cadreId === cid)),
  );
  const printedOn = opts.printedOn ?? today();
  const html = comparisonHtml(columns, {
    pilotLabel: pilotTitle(doc, pilot),
    period: `${pilot.periodStart}–${pilot.periodEnd}`,
    reason: pilot.reason,
    referenceDate: referenceDateOf(pilot),
    ruleVersion: RULE_VERSION,
    printedOn,
    operator: opts.operator,
  });
  const v = doc.villages.find((x) => x.id === pilot.villageId);
  return { html, fileName: `跨村任职人选比较表_${v?.name ?? ''}_${printedOn.replace(/\./g, '')}.pdf` };
}
