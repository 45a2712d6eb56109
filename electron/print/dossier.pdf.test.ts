/**
 * The 跨村任职 dossier as a PDF: cover, 审批表, eligibility, comparison (when there was one),
 * decision record, and "第 X 页 共 Y 页" on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierDoc } from '../../tests/fixtures/print/dossierDoc.js';
import { withInspection } from '../../tests/fixtures/print/inspection.js';
import { pdfInfo, pdfText, squash, wordBoxes, writeTempPdf } from '../../tests/fixtures/print/poppler.js';
import { dossierHtml } from './dossier.js';
import { dossierData } from './dossierData.js';
import { closePdfBrowser, htmlToPdf } from './pdf.js';

const NOW = new Date('2026-03-01T10:00:00');

afterAll(() => closePdfBrowser());

async function render(remove?: string) {
  const { doc, candidateId } = dossierDoc();
  if (remove) doc.crossCandidates = doc.crossCandidates.filter((c) => c.id !== remove);
  const r = dossierHtml(dossierData(doc, candidateId, '李组织', NOW));
  // No engine footer: the dossier numbers its pages itself (CSS), as the print dialog needs.
  const file = writeTempPdf(await htmlToPdf(r.html));
  const info = pdfInfo(file);
  const pages = Array.from({ length: info.pages }, (_, i) => squash(pdfText(file, { page: i + 1, mode: 'raw' })));
  return { file, info, pages };
}

describe('dossier of a compared candidate', () => {
  let d: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    d = await render();
  });

  it('numbers every page "第 X 页 共 Y 页" with the true total', () => {
    const n = d.info.pages;
    expect(n).toBeGreaterThanOrEqual(6);
    d.pages.forEach((t, i) => expect(t, `page ${i + 1}`).toContain(`第${i + 1}页共${n}页`));
  });

  it('opens with the cover: pilot village, post, candidate, date, 密级', () => {
    const cover = d.pages[0];
    for (const s of ['内部资料注意保密', '跨村任职人选任用材料', '杏坛马宁村', '党组织书记', '何志强', '2026年3月1日', '2026.03.01–2029.02.28']) expect(cover, s).toContain(squash(s));
  });

  it('then the two pages of the 审批表, unscaled, with 拟任职务 from the pilot', () => {
    expect(d.pages[1]).toContain('干部任免审批表');
    expect(d.pages[1]).toContain('杏坛马宁村党组织书记');
    expect(d.pages[2]).toContain('工作单位及职务');
    expect(d.pages[2]).toContain('填表人：李组织');
    expect(d.info.sizes[1]).toEqual([595, 842]);
    const name = wordBoxes(d.file, 2).find((w) => w.text === '何志强');
    expect(name && name.x0 > 40.3 && name.x1 < 63.3).toBe(true);
  });

  it('then the eligibility results with their reasons, the landscape comparison and the decision record', () => {
    // (The cover's 目录 names every section too, so look after the 审批表.)
    const find = (s: string) => d.pages.findIndex((t, i) => i > 2 && t.includes(s));
    const elig = find('资格审查结果');
    const cmp = find('跨村任职人选比较表');
    const dec = find('决定记录');
    expect([elig, cmp > elig, dec > cmp, dec]).toEqual([3, true, true, d.info.pages - 1]);
    // Every rule with the data it read, e.g. the age rule quotes the birth month.
    expect(d.pages[elig]).toContain('1978.03');
    expect(d.pages[elig]).toMatch(/符合|不符合|需核实/);
    expect(d.info.sizes[cmp]).toEqual([842, 595]);
    expect(d.pages.slice(cmp, dec).join('')).toContain('梁振宇');
    expect(d.pages[dec]).toContain('考察组谈话23人，评价良好');
    expect(d.pages[dec]).toContain('尚未作出任命决定');
  });
});

describe('dossier of a sole candidate', () => {
  it('has no comparison and one page fewer per comparison page', async () => {
    const alone = await render('k-second');
    expect(alone.pages.some((t) => t.includes('比较表'))).toBe(false);
    expect(alone.info.pages).toBe(5); // cover, 审批表 ×2, eligibility, decision
    alone.pages.forEach((t, i) => expect(t).toContain(`第${i + 1}页共5页`));
  });
});

describe('dossier with a 考察 record', () => {
  it('prints the 考察材料 after 资格审查, before the comparison, and lists it on the cover', async () => {
    const { doc, candidateId } = dossierDoc();
    const r = dossierHtml(dossierData(withInspection(doc, candidateId), candidateId, '李组织', NOW));
    const file = writeTempPdf(await htmlToPdf(r.html));
    const pages = Array.from({ length: pdfInfo(file).pages }, (_, i) => squash(pdfText(file, { page: i + 1, mode: 'raw' })));
    expect(pages[0]).toContain('考察材料');
    const at = (t: string) => pages.findIndex((p, i) => i > 0 && p.includes(t));
    expect(at('关于何志强同志的考察材料')).toBeGreaterThan(at('资格审查结果'));
    expect(at('跨村任职人选比较表')).toBeGreaterThan(at('关于何志强同志的考察材料'));
    expect(pages[at('关于何志强同志的考察材料')]).toContain('共与23人进行了个别谈话，41人参加了民主测评');
  });
});
