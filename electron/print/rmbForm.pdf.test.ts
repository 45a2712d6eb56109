/**
 * The 审批表 rendered to PDF by headless Chromium and read back with poppler, as a reviewer
 * would: 2 A4 pages, every field's text on the right page, CJK fonts embedded, nothing cut.
 * "Nothing cut" is checked in the laid-out page itself: no fitted box may overflow (pdftotext
 * would still find clipped text, so it cannot prove this).
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_FAMILY, FULL_RESUME, fullCadre } from '../../tests/fixtures/print/fullCadre.js';
import { pdfFonts, pdfInfo, pdfText, rasterize, squash, wordBoxes, writeTempPdf } from '../../tests/fixtures/print/poppler.js';
import { chromiumArgs } from './chromiumArgs.js';
import { chromiumPath, closePdfBrowser, countPdfPages, htmlToPdf } from './pdf.js';
import { resumeLineParts, rmbHtml } from './rmbForm.js';

const MM = 72 / 25.4;
const opts = { refDate: '2026.11', familyColumn: '出生年月' as const };

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
});
afterAll(async () => {
  await browser?.close();
  await closePdfBrowser();
});

/** Lays the document out for print and lists every fitted box whose content overflows it. */
async function layout(html: string) {
  const page = await browser.newPage();
  await page.emulateMedia({ media: 'print' });
  await page.setContent(html);
  const result = await page.evaluate(() => {
    const mm = 96 / 25.4;
    const over = [...document.querySelectorAll<HTMLElement>('[data-fit]')]
      .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent?.slice(0, 30));
    const tables = [...document.querySelectorAll<HTMLElement>('table.grid')].map((t) => t.getBoundingClientRect().height / mm);
    return { over, tables };
  });
  await page.close();
  return result;
}

/**
 * The name sits in its cell of the measured grid (姓名 value: 40.3–63.3 mm across, 31.2–43.6 mm
 * down). Fails when Chromium shrinks the page to fit something too wide, or rows move.
 */
function expectNameInItsCell(file: string, name = '何志强') {
  const box = wordBoxes(file, 1).find((w) => w.text === name);
  expect(box, `${name} on page 1`).toBeDefined();
  // Vertical: the centre (a glyph box includes the font's ascent and descent, taller than the text).
  const cy = (box!.y0 + box!.y1) / 2;
  expect([box!.x0 > 40.3, box!.x1 < 63.3, cy > 33, cy < 42]).toEqual([true, true, true, true]);
}

describe('干部任免审批表 PDF of a full cadre', () => {
  const cadre = fullCadre();
  let file: string;
  let warnings: ReturnType<typeof rmbHtml>['warnings'];
  let html: string;

  beforeAll(async () => {
    const r = rmbHtml([cadre], opts);
    html = r.html;
    warnings = r.warnings;
    file = writeTempPdf(await htmlToPdf(r.html));
  });

  it('is two A4 portrait pages', () => {
    const info = pdfInfo(file);
    expect(info.pages).toBe(2);
    expect(info.sizes).toEqual([[595, 842], [595, 842]]);
    expectNameInItsCell(file);
  });

  it('needs no 续页: the long 简历 and 7 family members fit (shrunk, not cut)', () => {
    expect(warnings.filter((w) => w.level === 'warning')).toEqual([]);
    expect(warnings.find((w) => w.field === '简历')?.message).toMatch(/已缩小为 [\d.]+ 磅/);
  });

  it('page 1 carries the title, every page-1 field and the age at 计算年龄时间', () => {
    const t = squash(pdfText(file, { page: 1, mode: 'raw' }));
    expect(squash(pdfText(file, { page: 1 }))).toContain('干部任免审批表');
    for (const v of ['何志强', '男', '1978.03', '(48岁)', '汉族', '广东顺德', '1998.06', '1997.07', '健康', '农业经济师', '农村集体经济管理，基层党建', '中专', '大学', '管理学学士', '广东省顺德师范学校普通师范专业', '华南农业大学经济管理学院农业经济管理专业', cadre.currentPosition, cadre.proposedPosition, cadre.proposedRemoval]) {
      expect(t, v).toContain(squash(v));
    }
    for (const label of ['姓名', '性别', '出生年月', '民族', '籍贯', '出生地', '入党时间', '参加工作时间', '健康状况', '专业技术职务', '熟悉专业有何专长', '全日制教育', '在职教育', '毕业院校系及专业', '现任职务', '拟任职务', '拟免职务']) {
      expect(t, label).toContain(label);
    }
  });

  it('every 简历 line is inside the 简历 box, each with its date range', () => {
    // The box: right of the 简 历 label column, between the 拟免职务 row and the bottom rule.
    const crop: [number, number, number, number] = [(22.26 + 13.8 + 0.3) * MM, 142.4 * MM, 151.5 * MM, 125.5 * MM];
    const t = squash(pdfText(file, { page: 1, crop }));
    for (const line of FULL_RESUME!) {
      const p = resumeLineParts({ from: line.from ?? '', to: line.to ?? '', text: line.text });
      expect(t, p.text).toContain(squash(p.date + p.text));
    }
  });

  it('page 2 carries 奖惩, 考核, 理由, all 7 family members, 呈报单位 and 填表人', () => {
    // Crop away the narrow label column (奖/惩/情/况 read down it and would interleave).
    const left = (21.26 + 13.1 + 0.3) * MM;
    const col = (fromMm: number, toMm: number) => squash(pdfText(file, { page: 2, mode: 'raw', crop: [fromMm * MM, 31 * MM, (toMm - fromMm) * MM, 236 * MM] }));
    const body = squash(pdfText(file, { page: 2, mode: 'raw', crop: [left, 31 * MM, 153 * MM, 236 * MM] }));
    expect(body).toContain(squash(cadre.rewards));
    expect(body).toContain('2022年度称职；2023年度优秀；2024年度优秀。');
    expect(body).toContain(squash(cadre.appointmentReason));
    expect(body).toContain('中共佛山市顺德区杏坛镇委员会');
    // Family table, column by column (h1–h3, 政治面貌, 工作单位及职务), in row order.
    const who = col(34.6, 96.2);
    const party = col(96.6, 111.1);
    const work = col(111.5, 187.8);
    let [iw, ip, iu] = [0, 0, 0];
    for (const m of FULL_FAMILY!) {
      const a = who.indexOf(squash(`${m.relation}${m.name}${m.birth}`), iw);
      const b = party.indexOf(squash(m.politicalStatus ?? ''), ip);
      const c = work.indexOf(squash(m.workUnit ?? ''), iu);
      expect([m.name, a >= 0, b >= 0, c >= 0]).toEqual([m.name, true, true, true]);
      [iw, ip, iu] = [a + 1, b + 1, c + 1];
    }
    const all = squash(pdfText(file, { page: 2 }));
    expect(all).toContain('填表人：李组织');
    for (const label of ['称谓', '姓名', '政治', '工作单位及职务', '（盖章）']) expect(all, label).toContain(label);
  });

  it('embeds its fonts, with a Unicode map so the CJK text is real text', () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.every((f) => f.unicode)).toBe(true);
  });

  it('draws real CJK glyphs: the seven title characters all look different (tofu boxes would not)', () => {
    // Title cells: 12.46 mm each from 63 mm across; the title line lies between 18 and 31 mm down.
    const shapes = Array.from({ length: 7 }, (_, i) => rasterize(file, 1, { x: 63 + i * 12.46, y: 18, w: 12.46, h: 13 }, 100));
    const ink = shapes.map((rows) => rows.flat().filter((v) => v < 128).length);
    expect(ink.every((n) => n > 20)).toBe(true);
    // Shapes, not just positions: 干 has far less ink than 審/批; identical boxes would not.
    expect(Math.max(...ink) / Math.min(...ink)).toBeGreaterThan(1.5);
    const keys = shapes.map((rows) => rows.map((r) => r.map((v) => (v < 128 ? 1 : 0)).join('')).join('|'));
    expect(new Set(keys).size).toBe(7);
  });

  it('no fitted box overflows and the rows keep the official heights', async () => {
    const { over, tables } = await layout(html);
    expect(over).toEqual([]);
    // LAYOUT.md: page-1 table 237 mm, page-2 table about 233 mm.
    expect(tables[0]).toBeGreaterThan(235.5);
    expect(tables[0]).toBeLessThan(238.5);
    expect(tables[1]).toBeGreaterThan(231.5);
    expect(tables[1]).toBeLessThan(234.5);
  });
});

describe('variants and overflow policy', () => {
  it('family column 年龄 prints ages at 计算年龄时间 instead of 出生年月', async () => {
    const r = rmbHtml([fullCadre()], { refDate: '2026.11', familyColumn: '年龄' });
    const file = writeTempPdf(await htmlToPdf(r.html));
    const t = squash(pdfText(file, { page: 2 }));
    expect(t).toContain('妻子梁婉婷46'); // 1980.06 → 46 at 2026.11
    expect(t).toContain('父亲何永康76');
    expect(t).not.toContain('1980.06');
  });

  it('an 8th family member goes to a 续页, with a warning before printing', async () => {
    const family = [...FULL_FAMILY!, { relation: '弟弟', name: '何志明', birth: '1983.05', politicalStatus: '群众', workUnit: '佛山市顺德区杏坛镇个体经营' }];
    const r = rmbHtml([fullCadre({ family })], opts);
    const w = r.warnings.find((x) => x.field === '家庭主要成员及重要社会关系');
    expect(w?.level).toBe('warning');
    expect(w?.message).toContain('共 8 人');
    const file = writeTempPdf(await htmlToPdf(r.html));
    expect(pdfInfo(file).pages).toBe(3);
    expectNameInItsCell(file);
    const p3 = squash(pdfText(file, { page: 3 }));
    expect(p3).toContain('干部任免审批表（续页）');
    expect(p3).toContain('弟弟何志明1983.05');
    expect(squash(pdfText(file, { page: 2 }))).not.toContain('何志明');
  });

  it('a 简历 too long even at the floor size continues on a 续页: nothing lost, user warned', async () => {
    const resume = Array.from({ length: 45 }, (_, i) => ({ from: `${1980 + i}.01`, to: `${1980 + i}.12`, text: `第${i + 1}条：佛山市顺德区杏坛镇某村工作，负责农村集体经济管理和基层党建工作` }));
    const r = rmbHtml([fullCadre({ resume })], opts);
    const w = r.warnings.find((x) => x.field === '简历');
    expect(w?.level).toBe('warning');
    expect(w?.message).toContain('简历内容过长');
    const file = writeTempPdf(await htmlToPdf(r.html));
    expectNameInItsCell(file);
    const all = squash(pdfText(file));
    for (let i = 1; i <= 45; i++) expect(all, `第${i}条`).toContain(`第${i}条：`);
    expect(all).toContain('简历（续）');
    const { over } = await layout(r.html);
    expect(over).toEqual([]);
  });

  it('several cadres make one PDF, two pages each', async () => {
    const a = fullCadre();
    const b = { ...fullCadre({ name: '梁婉仪', sex: '女', idNumber: '440606198106153427', birth: '1981.06' }), id: 'b' };
    const r = rmbHtml([a, b], opts);
    const pdf = await htmlToPdf(r.html);
    expect(countPdfPages(pdf)).toBe(4);
    const file = writeTempPdf(pdf);
    expect(squash(pdfText(file, { page: 3 }))).toContain('梁婉仪');
    expect(squash(pdfText(file, { page: 3 }))).toContain('(45岁)');
  });
});
