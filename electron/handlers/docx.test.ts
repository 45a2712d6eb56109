/** The Word contract methods through the router, against a real vault. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fullCadreInput } from '../../tests/fixtures/print/fullCadre.js';
import { INSPECTION } from '../../tests/fixtures/print/inspection.js';
import { useTestApp } from '../../tests/fixtures/testApp.js';

describe('docx handlers', () => {
  const { call, fail } = useTestApp('cadre-docx-handlers-');

  it('exports a 审批表 .docx that previews back as the same 档案, and saves nothing for it', async () => {
    const c = await call('cadre.create', { data: fullCadreInput() });
    const w = await call('docx.rmb', { ids: [c.id], font: '仿宋_GB2312' });
    expect(w.fileName).toMatch(/^干部任免审批表-何志强_\d{8}\.docx$/);
    expect(w.count).toBe(1);
    const p = await call('docx.importPreview', { files: [{ fileName: w.fileName, base64: w.base64 }] });
    expect(p.items.map((i) => [i.status, i.cadreId, i.differences])).toEqual([['same', c.id, []]]);
    const r = await call('docx.import', { files: [{ fileName: w.fileName, base64: w.base64 }] });
    expect(r.batchId).toBeUndefined();
  });

  it('refuses an unknown font and an empty selection in Chinese', async () => {
    expect((await fail('docx.rmb', { ids: ['x'], font: 'Arial' })).message).toContain('字体应为 宋体、仿宋_GB2312 之一');
    expect((await fail('docx.rmb', { ids: [] })).message).toContain('请至少选择 1 名干部');
  });
});

describe('考察 record through cross.step, and its 考察材料', () => {
  const { call, fail } = useTestApp('cadre-docx-inspection-');

  it('keeps the record on the 考察 step, refuses it on another step, and writes the 考察材料 from it', async () => {
    const target = await call('village.create', { data: { name: '弱村', townCode: '440606005', strength: '弱' } });
    const c = await call('cadre.create', { data: fullCadreInput() });
    const pilot = await call('cross.pilotCreate', { data: { villageId: target.id, post: '党组织书记', reason: '整顿', periodStart: '2026.11.25', periodEnd: '2029.11.24' } });
    const cand = await call('cross.candidateAdd', { pilotId: pilot.id, cadreId: c.id });
    const refused = await fail('cross.step', { candidateId: cand.candidate.id, step: { stage: '提名', date: '2026.10.10', inspection: INSPECTION } });
    expect(refused.message).toContain('考察记录只能填在“考察”环节');
    await call('cross.step', { candidateId: cand.candidate.id, step: { stage: '提名', date: '2026.10.10' } });
    expect((await fail('docx.inspection', { candidateId: cand.candidate.id })).message).toContain('没有填写考察记录');
    await call('cross.step', { candidateId: cand.candidate.id, step: { stage: '考察', date: '2026.10.20', inspection: INSPECTION } });
    const w = await call('docx.inspection', { candidateId: cand.candidate.id });
    expect(w.fileName).toMatch(/^考察材料-何志强_\d{8}\.docx$/);
    const text = strFromU8(unzipSync(Buffer.from(w.base64, 'base64'))['word/document.xml']).replace(/<[^>]+>/g, '');
    expect(text).toContain('41 人参加了民主测评');
    const dossier = await call('docx.dossier', { candidateId: cand.candidate.id });
    expect(strFromU8(unzipSync(Buffer.from(dossier.base64, 'base64'))['word/document.xml'])).toContain('关于何志强同志的考察材料');
  });
});
