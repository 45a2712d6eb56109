import { describe, expect, it } from 'vitest';
import { cadreInputSchema } from '../../shared/domain/cadre.js';
import { villageInputSchema } from '../../shared/domain/village.js';
import { crossPilotInputSchema } from '../../shared/domain/crossPosting.js';
import { expertInputSchema, mentorPairInputSchema, shadowBatchInputSchema, shadowPlacementInputSchema, villagePairInputSchema } from '../../shared/domain/programs.js';
import { checkIdNumber } from '../../shared/rules/idCard.js';
import { analyzeStructure } from '../../shared/rules/structure.js';
import { buildDemoDocument } from './generate.js';

describe('buildDemoDocument', () => {
  const doc = buildDemoDocument({ cadres: 2000, seed: 20231 });
  const byId = new Map(doc.cadres.map((c) => [c.id, c]));
  const townOf = new Map(doc.villages.map((v) => [v.id, v.townCode]));

  it('is the same for the same seed and different for another', () => {
    const again = buildDemoDocument({ cadres: 2000, seed: 20231 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(doc));
    expect(buildDemoDocument({ cadres: 50, seed: 7 }).cadres[0].name).not.toBe(buildDemoDocument({ cadres: 50, seed: 8 }).cadres[0].name);
  });

  it('marks the document and every record 示例', () => {
    expect(doc.meta.demo).toBe(true);
    expect(doc.villages.every((v) => v.demo === true)).toBe(true);
    expect(doc.cadres.every((c) => c.demo === true)).toBe(true);
  });

  it('passes the same validation as the form, so a demo file can be opened and saved', () => {
    for (const c of doc.cadres) {
      const { id: _i, createdAt: _c, updatedAt: _u, ...fields } = c;
      const r = cadreInputSchema.safeParse(fields);
      if (!r.success) throw new Error(`${c.id} ${c.name}: ${r.error.issues[0].path.join('.')} ${r.error.issues[0].message}`);
    }
    for (const v of doc.villages) expect(villageInputSchema.safeParse(v).success).toBe(true);
  });

  it('gives every cadre a valid, unique ID number', () => {
    expect(doc.cadres.every((c) => checkIdNumber(c.idNumber).ok)).toBe(true);
    expect(new Set(doc.cadres.map((c) => c.idNumber)).size).toBe(doc.cadres.length);
  });

  it('seats a 书记 in every village and covers all ten 镇街', () => {
    for (const v of doc.villages) {
      const leads = doc.cadres.filter((c) => c.villageId === v.id && (c.villagePost === '党组织书记' || c.villagePost === '书记、主任一肩挑'));
      expect(leads, v.name).toHaveLength(1);
    }
    expect(new Set(doc.villages.map((v) => v.townCode)).size).toBe(10);
    const report = analyzeStructure(doc.cadres, doc.villages, '2026.01.01');
    expect(report.towns.every((t) => t.members > 0 && t.reserves > 0)).toBe(true);
    expect(report.unassigned).toBe(0);
  });

  it('gives everyone 2–5 family members with 称谓, name, birth and work unit', () => {
    for (const c of doc.cadres) {
      expect(c.family.length).toBeGreaterThanOrEqual(2);
      expect(c.family.length).toBeLessThanOrEqual(5);
      for (const f of c.family) {
        expect(f.relation && f.name && f.birth && f.workUnit && f.politicalStatus).toBeTruthy();
      }
    }
    expect(doc.cadres.every((c) => c.resume.length >= 1 && c.resume.at(-1)!.to === '')).toBe(true);
  });

  it('has a few 十不选 flags and symmetric kinship between villages of one 镇街', () => {
    const flagged = doc.cadres.filter((c) => c.negativeFlags.length > 0);
    expect(flagged.length).toBeGreaterThanOrEqual(5);
    const related = doc.cadres.filter((c) => c.relations.length > 0);
    expect(related.length).toBeGreaterThanOrEqual(20);
    for (const a of related) {
      const rel = a.relations[0];
      const b = byId.get(rel.cadreId!)!;
      expect(b.relations.some((x) => x.cadreId === a.id && x.kind === rel.kind)).toBe(true);
      expect(townOf.get(b.villageId!)).toBe(townOf.get(a.villageId!));
      expect(b.villageId).not.toBe(a.villageId);
      expect(a.family.some((f) => f.name === b.name)).toBe(true);
      if (rel.kind === '三代以内旁系血亲') expect(a.name[0]).toBe(b.name[0]);
    }
  });

  it('gives every 跨村任职试点 village a team member related to a cadre of a strong village nearby', () => {
    const villages = new Map(doc.villages.map((v) => [v.id, v]));
    const pilots = doc.villages.filter((v) => v.crossPilot);
    expect(pilots).toHaveLength(5);
    for (const p of pilots) {
      const hit = doc.cadres.some((c) => c.villageId === p.id && c.relations.some((rel) => {
        const other = villages.get(byId.get(rel.cadreId!)!.villageId!)!;
        return other.townCode === p.townCode && (other.strength === '强' || other.demonstration !== null);
      }));
      expect(hit, p.name).toBe(true);
    }
  });

  it('fills every program module with records their own validation accepts', () => {
    const check = (what: string, schema: { safeParse: (x: unknown) => { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, list: Array<Record<string, unknown>>, min: number) => {
      expect(list.length, what).toBeGreaterThanOrEqual(min);
      for (const rec of list) {
        const { id: _i, createdAt: _c, updatedAt: _u, filled: _f, ...fields } = rec;
        const r = schema.safeParse(fields);
        if (!r.success) throw new Error(`${what} ${String(rec.id)}: ${r.error!.issues[0].path.join('.')} ${r.error!.issues[0].message}`);
        expect(rec.demo).toBe(true);
      }
    };
    check('experts', expertInputSchema, doc.experts, 5);
    check('mentorPairs', mentorPairInputSchema, doc.mentorPairs, 3);
    check('villagePairs', villagePairInputSchema, doc.villagePairs, 10);
    check('shadowBatches', shadowBatchInputSchema, doc.shadowBatches, 1);
    check('shadowPlacements', shadowPlacementInputSchema, doc.shadowPlacements, 3);
    check('crossPilots', crossPilotInputSchema, doc.crossPilots, 5);
    // Every reference points at a record that exists.
    const villageIds = new Set(doc.villages.map((v) => v.id));
    expect(doc.mentorPairs.every((p) => byId.has(p.cadreId!) && p.expertIds.every((e) => doc.experts.some((x) => x.id === e)))).toBe(true);
    expect(doc.villagePairs.every((p) => villageIds.has(p.helpedVillageId) && villageIds.has(p.partnerVillageId!))).toBe(true);
    expect(doc.shadowPlacements.every((p) => byId.has(p.cadreId) && doc.shadowBatches[0].hosts.some((h) => h.key === p.hostKey))).toBe(true);
    expect(doc.crossPilots.every((p) => doc.villages.find((v) => v.id === p.villageId)?.crossPilot)).toBe(true);
  });

  // How fast is the benchmarks' business (a timed test fails on a loaded machine, as it did
  // with five builds sharing two cores); here only that the 50k vault they use can be built.
  it('builds the 50k cadres the benchmarks use', () => {
    const big = buildDemoDocument({ cadres: 50_000, seed: 1 });
    expect(big.cadres).toHaveLength(50_000);
    expect(new Set(big.cadres.map((c) => c.idNumber)).size).toBe(50_000);
  });
});
