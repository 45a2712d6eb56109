import { AppError } from '../../shared/contract/define.js';
import { printContract, type PrintPdf, type PrintPreview } from '../../shared/contract/print.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { today } from '../../shared/rules/dates.js';
import { dossierHtml } from '../print/dossier.js';
import { dossierData } from '../print/dossierData.js';
import { countPdfPages, htmlToPdf, prewarmPdfBrowser } from '../print/pdf.js';
import { rmbHtml } from '../print/rmbForm.js';
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

function rmbPreview(app: AppState, ids: string[], refDate: string): PrintPreview {
  const doc = app.requireSession().doc;
  const cadres = cadresFor(doc, ids);
  const r = rmbHtml(cadres, { refDate: refDate || today(), familyColumn: doc.settings.familyColumn });
  const title = cadres.length === 1 ? `干部任免审批表-${cadres[0].name}` : `干部任免审批表（${cadres.length}人）`;
  return { title, html: r.html, warnings: r.warnings, sheets: r.sheets };
}

function dossierPreview(app: AppState, candidateId: string): PrintPreview {
  const s = app.requireSession();
  const d = dossierData(s.doc, candidateId, s.operator);
  const r = dossierHtml(d);
  return { title: `跨村任职人选任用材料-${d.cadre.name}`, html: r.html, warnings: r.warnings, sheets: r.sheets };
}

/** Documents number their own pages in CSS where they need it (the dossier), so no engine footer. */
async function toPdf(app: AppState, p: PrintPreview): Promise<PrintPdf> {
  const pdf = await htmlToPdf(p.html, { footer: 'none', engine: app.pdfEngine });
  return { fileName: `${p.title}_${today().replace(/\./g, '')}.pdf`, base64: pdf.toString('base64'), pages: countPdfPages(pdf), warnings: p.warnings };
}

function prewarm(app: AppState): void {
  if (!app.pdfEngine) prewarmPdfBrowser();
}

export const printHandlers: HandlersFor<typeof printContract> = {
  'print.rmbPreview': ({ ids, refDate }, app) => {
    const p = rmbPreview(app, ids, refDate);
    prewarm(app);
    return p;
  },
  'print.rmbPdf': ({ ids, refDate }, app) => toPdf(app, rmbPreview(app, ids, refDate)),
  'print.dossierPreview': ({ candidateId }, app) => {
    const p = dossierPreview(app, candidateId);
    prewarm(app);
    return p;
  },
  'print.dossierPdf': ({ candidateId }, app) => toPdf(app, dossierPreview(app, candidateId)),

  'print.toPrinter': async (input, app) => {
    const engine = app.pdfEngine;
    if (!engine?.print) throw new AppError('INVALID', '浏览器模式下请在预览窗口中点“打印”，由浏览器打印');
    const p = input.kind === 'rmb' ? rmbPreview(app, input.ids, input.refDate) : dossierPreview(app, input.candidateId);
    return engine.print(p.html);
  },

  'print.capabilities': (_input, app) => ({ systemPrint: !!app.pdfEngine?.print, engine: app.pdfEngine?.name ?? 'chromium' }),
};
