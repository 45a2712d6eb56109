/**
 * The Word 审批表 as it prints: converted once with LibreOffice headless (as Word would lay it
 * out from the same table geometry) and read back with poppler — page count and size, every
 * field's text in its place, 简历 inside its box, and the table rules within 1 mm of LAYOUT.md
 * measured on a 300 dpi raster.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FULL_FAMILY, FULL_RESUME, fullCadre } from '../../tests/fixtures/print/fullCadre.js';
import { pdfInfo, pdfText, ruleLines, squash, wordBoxes } from '../../tests/fixtures/print/poppler.js';
import { docxToPdf } from '../../tests/fixtures/print/soffice.js';
import { resumeLineParts } from '../print/rmbData.js';
import { rmbDocx } from './rmbDocx.js';

const MM = 72 / 25.4;
const opts = { refDate: '2026.11', familyColumn: '出生年月' as const, font: '宋体' as const };
const tw = (t: number) => t / (1440 / 25.4);
const cumulative = (start: number, steps: number[]) => steps.reduce((acc, s) => [...acc, acc[acc.length - 1] + tw(s)], [start]);

// LAYOUT.md, page 1: the table starts 31.2 mm down, 22.0 mm margin + 15 twips indent across.
const P1_X = cumulative(22.0 + tw(15), [784, 236, 1305, 1063, 1302, 1315, 1330, 2058]);
const P1_Y = cumulative(31.2, [709, 692, 680, 709, 692, 692, 709, 709, 709, 7133]);
// Page 2: 21.0 mm margin + 15 twips; the family header row is "at least" 646 twips.
const P2_X = [...cumulative(21.0 + tw(15), [742, 1092, 1274, 1145, 850]), 21.0 + tw(15 + 742 + 4046), 21.0 + tw(15 + 742 + 4046 + 784), 21.0 + tw(15 + 9421)];
const P2_Y = cumulative(31.2, [1418, 1021, 1361, 646, 697, 697, 697, 697, 697, 697, 697, 1332 + 541, 2019]);
/** The rule under 呈报单位's text is removed so text and date line read as one box. */
const P2_REPORT_GAP = 31.2 + tw(1418 + 1021 + 1361 + 646 + 697 * 7 + 1332);

let file: string;
let warnings: Awaited<ReturnType<typeof rmbDocx>>['warnings'];
const overflowResume = Array.from({ length: 45 }, (_, i) => ({ from: `${1980 + i}.01`, to: `${1980 + i}.12`, text: `第${i + 1}条：佛山市顺德区杏坛镇某村工作，负责农村集体经济管理和基层党建工作` }));
const eighth = { relation: '弟弟', name: '何志明', birth: '1983.05', politicalStatus: '群众', workUnit: '佛山市顺德区杏坛镇个体经营' };

beforeAll(async () => {
  // One conversion for the whole file: a full cadre, then one whose 简历 and family overflow.
  const b = { ...fullCadre({ name: '梁婉仪', sex: '女', idNumber: '440606198106153427', birth: '1981.06', resume: overflowResume, family: [...FULL_FAMILY!, eighth] }), id: 'b' };
  const r = await rmbDocx([fullCadre(), b], opts);
  warnings = r.warnings;
  file = docxToPdf(r.bytes);
}, 180_000);

function expectRules(found: number[], expected: number[], what: string) {
  for (const e of expected) {
    const near = found.reduce((best, f) => (Math.abs(f - e) < Math.abs(best - e) ? f : best), Infinity);
    expect(Math.abs(near - e), `${what} rule at ${e.toFixed(1)} mm (nearest ${near.toFixed(1)})`).toBeLessThan(1);
  }
}

describe('Word 干部任免审批表 rendered to PDF', () => {
  it('is two A4 pages per cadre, the overflowing one followed by its 续页', () => {
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(5);
    expect(info.sizes.every(([w, h]) => w === 595 && h === 842)).toBe(true);
    expect(squash(pdfText(file, { page: 3 }))).toContain('梁婉仪');
    expect(squash(pdfText(file, { page: 5 }))).toContain('干部任免审批表（续页）');
  });

  it('page 1 carries the title, every page-1 field and the age at 计算年龄时间', () => {
    const t = squash(pdfText(file, { page: 1, mode: 'raw' }));
    const cadre = fullCadre();
    expect(t).toContain('干部任免审批表');
    for (const v of ['何志强', '男', '1978.03', '(48岁)', '汉族', '广东顺德', '1998.06', '1997.07', '健康', '农业经济师', '农村集体经济管理，基层党建', '中专', '大学', '管理学学士', '广东省顺德师范学校普通师范专业', '华南农业大学经济管理学院农业经济管理专业', cadre.currentPosition, cadre.proposedPosition, cadre.proposedRemoval]) {
      expect(t, v).toContain(squash(v));
    }
    for (const label of ['姓名', '性别', '出生年月', '民族', '籍贯', '出生地', '入党', '参加工', '健康状况', '专业技', '熟悉专业', '全日制', '毕业院校', '现任职务', '拟任职务', '拟免职务']) expect(t, label).toContain(label);
    // The name sits in its cell of the grid (姓名 value: 40.3–63.3 mm across, 31.2–43.7 mm down).
    const box = wordBoxes(file, 1).find((w) => w.text === '何志强');
    expect(box).toBeDefined();
    expect([box!.x0 > 40.3, box!.x1 < 63.3, box!.y0 > 31.2, box!.y1 < 43.7]).toEqual([true, true, true, true]);
  });

  it('every 简历 line is inside the 简历 box, each with its date range', () => {
    const crop: [number, number, number, number] = [(P1_X[1] + 0.3) * MM, (P1_Y[9] + 0.3) * MM, (P1_X[8] - P1_X[1] - 0.6) * MM, (P1_Y[10] - P1_Y[9] - 0.6) * MM];
    const t = squash(pdfText(file, { page: 1, crop }));
    for (const l of FULL_RESUME!) {
      const p = resumeLineParts({ from: l.from ?? '', to: l.to ?? '', text: l.text });
      expect(t, p.text).toContain(squash(p.date + p.text));
    }
  });

  it('page 2 carries 奖惩, 考核, 理由, all 7 family members in order, 呈报单位 and 填表人', () => {
    const cadre = fullCadre();
    const body = squash(pdfText(file, { page: 2, mode: 'raw', crop: [(P2_X[1] + 0.3) * MM, 31 * MM, 153 * MM, 236 * MM] }));
    expect(body).toContain(squash(cadre.rewards));
    expect(body).toContain('2022年度称职；2023年度优秀；2024年度优秀。');
    expect(body).toContain(squash(cadre.appointmentReason));
    expect(body).toContain('中共佛山市顺德区杏坛镇委员会');
    let at = 0;
    for (const m of FULL_FAMILY!) {
      const i = body.indexOf(squash(`${m.relation}${m.name}${m.birth}`), at);
      expect([m.name, i >= 0]).toEqual([m.name, true]);
      expect(body).toContain(squash(m.workUnit ?? ''));
      at = i + 1;
    }
    const all = squash(pdfText(file, { page: 2 }));
    expect(all).toContain('填表人：李组织');
    for (const label of ['称谓', '姓名', '工作单位及职务', '（盖章）']) expect(all, label).toContain(label);
  });

  it('page 1 table rules lie within 1 mm of LAYOUT.md (300 dpi)', () => {
    const r = ruleLines(file, 1);
    expectRules(r.h, P1_Y, 'page 1 horizontal');
    // The photo draws long dark columns of its own: vertical rules are taken outside its box.
    const v = r.v.filter((s) => !(s.x > P1_X[7] + 1 && s.x < P1_X[8] - 1)).map((s) => s.x);
    expectRules(v, P1_X, 'page 1 vertical');
    // No stray rule: every long horizontal line is one of the form's.
    for (const y of r.h) expect(P1_Y.some((e) => Math.abs(e - y) < 1), `unexpected rule at ${y.toFixed(1)} mm`).toBe(true);
  });

  it('page 2 table rules lie within 1 mm of LAYOUT.md, with no rule between 呈报单位 and its date line', () => {
    const r = ruleLines(file, 2);
    expectRules(r.h, P2_Y, 'page 2 horizontal');
    expectRules(r.v.map((s) => s.x), P2_X, 'page 2 vertical');
    expect(r.h.filter((y) => Math.abs(y - P2_REPORT_GAP) < 1.5)).toEqual([]);
  });

  it('an overflowing 简历 and an 8th family member continue on the 续页: nothing lost, user warned', () => {
    expect(warnings.filter((w) => w.cadreId === 'fixture-full' && w.level === 'warning')).toEqual([]);
    const ws = warnings.filter((w) => w.cadreId === 'b' && w.level === 'warning').map((w) => w.field);
    expect(ws).toEqual(expect.arrayContaining(['简历', '家庭主要成员及重要社会关系']));
    const pages = pdfInfo(file).pages;
    const all = squash(Array.from({ length: pages - 2 }, (_, i) => pdfText(file, { page: i + 3 })).join(''));
    for (let i = 1; i <= 45; i++) expect(all, `第${i}条`).toContain(`第${i}条：`);
    expect(all).toContain('弟弟何志明1983.05');
    expect(squash(pdfText(file, { page: 4 }))).not.toContain('何志明');
  });
});
