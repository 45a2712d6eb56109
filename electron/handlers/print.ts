import { AppError } from '../../shared/contract/define.js';
import { printContract, type PrintPdf, type PrintPreview } from '../../shared/contract/print.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { today } from '../../shared/rules/dates.js';
import { dossierHtml } from '../print/dossier.js';
import { dossierData } from '../print/dossierData.js';
import { cancelledError, runInWorker } from '../workers/pool.js';
import type { RawJson } from '../workers/rawJson.js';
import { withJob } from './job.js';
import type { AppState } from './appState.js';
import type { HandlersFor } from './types.js';

export function cadresFor(doc: VaultDocument, ids: string[]): Cadre[] {
  const byId = new Map(doc.cadres.map((c) => [c.id, c]));
  return ids.map((id) => {
    const c = byId.get(id);
    if (!c) throw new AppError('NOT_FOUND', '找不到要打印的干部档案（可能已被删除）');
    if (c.deletedAt) throw new AppError('CONFLICT', `${c.name} 的档案在回收站中，请先恢复再打印`);
    return c;
  });
}

/** Laying out and fitting up to 500 审批表 takes seconds: done in a worker (print.rmbHtml). */
function rmbPreview(app: AppState, ids: string[], refDate: string, job?: string): Promise<PrintPreview> {
  const doc = app.requireSession().doc;
  const cadres = cadresFor(doc, ids);
  const title = cadres.length === 1 ? `干部任免审批表-${cadres[0].name}` : `干部任免审批表（${cadres.length}人）`;
  const opts = { refDate: refDate || today(), familyColumn: doc.settings.familyColumn };
  return withJob(app, job, ({ run }) => run('print.rmbHtml', { title, opts }, { bulk: { cadres } }));
}

/** The PDF of a 审批表 job; Chromium cannot be stopped midway, so a cancel drops its answer. */
function rmbPdf(app: AppState, ids: string[], refDate: string, job?: string): Promise<RawJson<PrintPdf>> {
  return withJob(app, job, async ({ run, signal, report }) => {
    const doc = app.requireSession().doc;
    const cadres = cadresFor(doc, ids);
    const title = cadres.length === 1 ? `干部任免审批表-${cadres[0].name}` : `干部任免审批表（${cadres.length}人）`;
    const p = await run('print.rmbHtml', { title, opts: { refDate: refDate || today(), familyColumn: doc.settings.familyColumn } }, { bulk: { cadres } });
    report({ done: 0, total: 1, stage: '生成 PDF' });
    const pdf = await toPdf(app, p);
    if (signal.aborted) throw cancelledError();
    report({ done: 1, total: 1, stage: '生成 PDF' });
    return pdf;
  });
}

function dossierPreview(app: AppState, candidateId: string): PrintPreview {
  const s = app.requireSession();
  const d = dossierData(s.doc, candidateId, s.operator);
  const r = dossierHtml(d);
  return { title: `跨村任职人选任用材料-${d.cadre.name}`, html: r.html, warnings: r.warnings, sheets: r.sheets };
}

/** Documents number their own pages in CSS where they need it (the dossier), so no engine footer. */
async function toPdf(app: AppState, p: PrintPreview): Promise<RawJson<PrintPdf>> {
  const pdf = await app.platform.pdfEngine.htmlToPdf(p.html, { footer: 'none' });
  const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const fileName = `${p.title}_${today().replace(/\./g, '')}.pdf`;
  // The answer (megabytes of base64) is written as JSON there too, ready for the bridge to send.
  return runInWorker('print.pdfAnswer', { pdf: bytes, fileName, warnings: p.warnings }, { asJson: true, transfer: bytes.byteOffset === 0 && bytes.byteLength === pdf.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [] });
}

function prewarm(app: AppState): void {
  app.platform.pdfEngine.prewarm?.();
}

export const printHandlers: HandlersFor<typeof printContract> = {
  'print.rmbPreview': async ({ ids, refDate, job }, app) => {
    const p = await rmbPreview(app, ids, refDate, job);
    prewarm(app);
    return p;
  },
  'print.rmbPdf': ({ ids, refDate, job }, app) => rmbPdf(app, ids, refDate, job),
  'print.dossierPreview': ({ candidateId }, app) => {
    const p = dossierPreview(app, candidateId);
    prewarm(app);
    return p;
  },
  'print.dossierPdf': ({ candidateId }, app) => toPdf(app, dossierPreview(app, candidateId)),

  'print.toPrinter': async (input, app) => {
    const engine = app.platform.pdfEngine;
    if (!engine.print) throw new AppError('INVALID', '浏览器模式下请在预览窗口中点“打印”，由浏览器打印');
    const p = input.kind === 'rmb' ? await rmbPreview(app, input.ids, input.refDate) : dossierPreview(app, input.candidateId);
    return engine.print(p.html);
  },

  'print.capabilities': (_input, app) => ({ systemPrint: !!app.platform.pdfEngine.print, engine: app.platform.pdfEngine.name }),
};
