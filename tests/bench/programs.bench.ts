/**
 * 书记跟班 rule checks at district scale, as the placement form runs them on every edit:
 *   checkMedianMs / checkP95Ms = shadowContext(doc) + checkPlacement for one draft (the
 *                                shadow.placementCheck handler), 200 drafts
 *   rowsMedianMs = placement rows with names for the whole vault (shadow.placementList)
 *   pairCheckMs = mentoring.pairCheck equivalent with 600 pairs
 */
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { mentoringContext, placementRowsFor, shadowContext } from '../../electron/handlers/programsCommon.js';
import { expertInputSchema, mentorPairInputSchema, shadowBatchInputSchema, shadowPlacementInputSchema } from '../../shared/domain/programs.js';
import { checkMentorPair, checkPlacement } from '../../shared/rules/programs.js';

export const name = 'programs';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (x: number) => Math.round(x * 100) / 100;
const pad = (n: number) => String(n).padStart(2, '0');
const meta = (id: string) => ({ id, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });

export function run(): Record<string, unknown> {
  const doc = buildDemoDocument({ cadres: 20_000, seed: 3 });
  const strong = doc.villages.filter((v) => v.strength === '强');
  // Ten years, four batches a year, eight hosts of 3 places each, all filled.
  let n = 0;
  for (let y = 2016; y < 2026; y++) {
    for (let q = 0; q < 4; q++) {
      const id = `b-${y}-${q}`;
      const hosts = Array.from({ length: 8 }, (_, i) => ({ key: `h${i}`, kind: '村（社区）', villageId: strong[(y * 4 + q + i) % strong.length].id, mentorName: '导师', capacity: 3 }));
      doc.shadowBatches.push({ ...meta(id), ...shadowBatchInputSchema.parse({ name: `${y}年第${q + 1}期`, year: y, start: `${y}.${pad(q * 3 + 1)}.01`, end: `${y}.${pad(q * 3 + 3)}.28`, hosts }) });
      for (let h = 0; h < 8; h++) {
        for (let k = 0; k < 3; k++) {
          const cadre = doc.cadres[(n++ * 7) % doc.cadres.length];
          doc.shadowPlacements.push({ ...meta(`p-${n}`), ...shadowPlacementInputSchema.parse({ batchId: id, hostKey: `h${h}`, cadreId: cadre.id, start: `${y}.${pad(q * 3 + 1)}.01`, end: `${y}.${pad(q * 3 + 3)}.28`, status: '结业' }) });
        }
      }
    }
  }
  const batch = doc.shadowBatches.at(-1)!;
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < 200; i++) {
    const draft = shadowPlacementInputSchema.parse({ batchId: batch.id, hostKey: 'h0', cadreId: doc.cadres[(i * 13) % doc.cadres.length].id, start: batch.start, end: batch.end });
    const t = performance.now();
    findings += checkPlacement(draft, batch, shadowContext(doc)).length;
    times.push(performance.now() - t);
  }
  const rowTimes: number[] = [];
  let rows = 0;
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    rows = placementRowsFor(doc, (p) => !p.deletedAt).length;
    rowTimes.push(performance.now() - t);
  }

  for (let e = 0; e < 60; e++) doc.experts.push({ ...meta(`e${e}`), ...expertInputSchema.parse({ name: `专家${e}`, joined: '2016.01' }) });
  for (let p = 0; p < 600; p++) {
    doc.mentorPairs.push({ ...meta(`m${p}`), ...mentorPairInputSchema.parse({ kind: '一对一', expertIds: [`e${p % 60}`], cadreId: doc.cadres[p].id, start: '2023.04' }) });
  }
  const pairTimes: number[] = [];
  for (let i = 0; i < 100; i++) {
    const draft = mentorPairInputSchema.parse({ kind: '多对一', expertIds: [`e${i % 60}`, `e${(i + 1) % 60}`], cadreId: doc.cadres[1000 + i].id, start: '2024.01' });
    const t = performance.now();
    checkMentorPair(draft, mentoringContext(doc));
    pairTimes.push(performance.now() - t);
  }
  return {
    cadres: doc.cadres.length,
    batches: doc.shadowBatches.length,
    placements: doc.shadowPlacements.length,
    findingsSeen: findings,
    checkMedianMs: round(pct(times, 0.5)),
    checkP95Ms: round(pct(times, 0.95)),
    rows,
    rowsMedianMs: round(pct(rowTimes, 0.5)),
    pairs: doc.mentorPairs.length,
    pairCheckMedianMs: round(pct(pairTimes, 0.5)),
  };
}
