import { describe, expect, it } from 'vitest';
import { cadreInputSchema } from '../../shared/domain/cadre.js';
import { villageInputSchema } from '../../shared/domain/village.js';
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

  it('builds 50k cadres quickly enough for the benchmark', () => {
    const t = performance.now();
    const big = buildDemoDocument({ cadres: 50_000, seed: 1 });
    expect(big.cadres).toHaveLength(50_000);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});
