/**
 * Printing speed: one 干部任免审批表 PDF (first call includes launching Chromium, then warm),
 * and 100 审批表 in one PDF. Target: ≤ 1 s per cadre. Uses 示例 cadres with the fixture photo.
 */
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { closePdfBrowser, countPdfPages, htmlToPdf } from '../../electron/print/pdf.js';
import { rmbHtml } from '../../electron/print/rmbForm.js';
import { fullCadre, photoBase64 } from '../fixtures/print/fullCadre.js';

export const name = 'print';

const opts = { refDate: '2026.11', familyColumn: '出生年月' as const };

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, Math.round(performance.now() - t)];
}

export async function run(): Promise<Record<string, unknown>> {
  try {
    const one = fullCadre();
    const [, coldMs] = await timed(() => htmlToPdf(rmbHtml([one], opts).html));
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await timed(() => htmlToPdf(rmbHtml([one], opts).html)))[1]);
    warm.sort((a, b) => a - b);

    const photo = photoBase64();
    const cadres = buildDemoDocument({ cadres: 100, seed: 7 }).cadres.slice(0, 100).map((c) => ({ ...c, photo }));
    const [built, htmlMs] = await timed(() => Promise.resolve(rmbHtml(cadres, opts)));
    const [pdf, pdfMs] = await timed(() => htmlToPdf(built.html));
    return {
      oneCadreColdMs: coldMs,
      oneCadreWarmMedianMs: warm[2],
      hundred: {
        cadres: cadres.length,
        pages: countPdfPages(pdf),
        htmlMs,
        pdfMs,
        totalMs: htmlMs + pdfMs,
        perCadreMs: Math.round((htmlMs + pdfMs) / cadres.length),
        pdfMB: Number((pdf.length / 1e6).toFixed(2)),
        warnings: built.warnings.filter((w) => w.level === 'warning').length,
      },
      targetPerCadreMs: 1000,
    };
  } finally {
    await closePdfBrowser();
  }
}
