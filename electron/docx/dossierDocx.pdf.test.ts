/**
 * The 任用材料 as a Word file, rendered by LibreOffice once: every part in order, the 比较表 on a
 * landscape page, and "第 X 页 共 Y 页" from Word page fields on every page with the true total.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dossierDoc } from '../../tests/fixtures/print/dossierDoc.js';
import { withInspection } from '../../tests/fixtures/print/inspection.js';
import { pdfInfo, pdfText, squash } from '../../tests/fixtures/print/poppler.js';
import { docxToPdf } from '../../tests/fixtures/print/soffice.js';
import { dossierData } from '../print/dossierData.js';
import { dossierDocx } from './dossierDocx.js';

let info: ReturnType<typeof pdfInfo>;
let pages: string[];
let name: string;

beforeAll(async () => {
  const { doc, candidateId } = dossierDoc();
  const d = dossierData(withInspection(doc, candidateId), candidateId, '李组织', new Date('2026-03-01T10:00:00'));
  name = d.cadre.name;
  const file = docxToPdf((await dossierDocx(d, '宋体')).bytes, 'dossier');
  info = pdfInfo(file);
  pages = Array.from({ length: info.pages }, (_, i) => squash(pdfText(file, { page: i + 1, mode: 'raw' })));
}, 180_000);

describe('Word 任用材料', () => {
  it('numbers every page 第 X 页 共 Y 页 with the true total', () => {
    expect(info.pages).toBeGreaterThanOrEqual(6);
    pages.forEach((t, i) => expect(t, `page ${i + 1}`).toContain(`第${i + 1}页共${info.pages}页`));
  });

  it('has the cover with 密级, the 审批表, 资格审查, 考察材料, a landscape 比较表 and the 决定记录, in that order', () => {
    expect(pages[0]).toContain('内部资料注意保密');
    expect(pages[0]).toContain('跨村任职人选任用材料');
    expect(pages[1]).toContain('干部任免审批表');
    expect(pages[1]).toContain(name);
    // After the cover, whose 目录 names every part.
    const at = (t: string) => pages.findIndex((p, i) => i > 0 && p.includes(t));
    expect(at('资格审查结果')).toBeGreaterThan(2);
    expect(at('关于何志强同志的考察材料')).toBeGreaterThan(at('资格审查结果'));
    expect(at('跨村任职人选比较表')).toBeGreaterThan(at('关于何志强同志的考察材料'));
    expect(at('决定记录')).toBeGreaterThan(at('跨村任职人选比较表'));
    const land = at('跨村任职人选比较表');
    expect(info.sizes[land]).toEqual([842, 595]);
    expect(info.sizes[0]).toEqual([595, 842]);
  });
});
