/**
 * 跨村任职: how long the suggested pool (every strong/示范 cadre of the 镇街 through all checks)
 * and a 5-person comparison PDF take on 示例 data of realistic and large size.
 */
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { columnOf, evaluateFor } from '../../electron/crossPosting/columns.js';
import { comparisonHtml } from '../../electron/crossPosting/comparisonHtml.js';
import { closePdfBrowser, htmlToPdf } from '../../electron/print/pdf.js';
import type { CrossPilot } from '../../shared/domain/crossPosting.js';
import { isStrongVillage } from '../../shared/domain/village.js';
import { pilotContext } from '../../shared/rules/eligibility.js';

export const name = 'crossPosting';

function setup(cadres: number) {
  const doc = buildDemoDocument({ cadres, seed: 20231 });
  const target = doc.villages.find((v) => v.crossPilot)!;
  const pilot: CrossPilot = { id: 'bench', villageId: target.id, post: '党组织书记', reason: '', periodStart: '2026.12.01', periodEnd: '2029.11.30', referenceDate: '', thresholds: {}, note: '', filled: null, createdAt: '', updatedAt: '' };
  doc.crossPilots.push(pilot);
  const sources = new Set(doc.villages.filter((v) => v.id !== target.id && v.townCode === target.townCode && isStrongVillage(v)).map((v) => v.id));
  const pool = doc.cadres.filter((c) => c.villageId && sources.has(c.villageId));
  return { doc, pilot, pool };
}

function timePool(cadres: number) {
  const { doc, pilot, pool } = setup(cadres);
  const t = performance.now();
  let fails = 0;
  const ctx = pilotContext(doc, pilot);
  for (const c of pool) if (evaluateFor(doc, pilot, c, ctx).overall === 'fail') fails++;
  return { cadres, poolSize: pool.length, failing: fails, ms: Math.round(performance.now() - t) };
}

export async function run(): Promise<Record<string, unknown>> {
  const pool2000 = timePool(2000);
  const pool10000 = timePool(10000);
  const { doc, pilot, pool } = setup(2000);
  const cols = pool.slice(0, 5).map((c) => columnOf(doc, pilot, c));
  const html = comparisonHtml(cols, { pilotLabel: 'bench', period: '2026.12.01–2029.11.30', reason: '', referenceDate: '2026.12.01', ruleVersion: 'bench', printedOn: '2026.11.25', operator: 'bench' });
  let t = performance.now();
  await htmlToPdf(html, { landscape: true, footer: 'pageOfTotal' });
  const firstPdfMs = Math.round(performance.now() - t);
  t = performance.now();
  const pdf = await htmlToPdf(html, { landscape: true, footer: 'pageOfTotal' });
  const warmPdfMs = Math.round(performance.now() - t);
  await closePdfBrowser();
  return { pool2000, pool10000, comparisonPdf: { candidates: cols.length, bytes: pdf.length, firstMs: firstPdfMs, warmMs: warmPdfMs } };
}
