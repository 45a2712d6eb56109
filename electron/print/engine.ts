/**
 * The print engine seam. Every printed document is one HTML string with its own `@page` CSS;
 * an engine turns it into PDF bytes (and, in Electron, can send it to a printer). Each shell
 * hands its engine to the app in its `Platform` (electron/platform): the Electron shell its
 * BrowserWindow engine, browser mode headless system Chromium (pdf.ts). The CLI, tests and
 * benchmarks call Chromium's directly.
 */

export interface PdfOptions {
  landscape?: boolean;
  /** 'pageOfTotal' prints "第 X 页 共 Y 页" centred in the bottom margin of every page. */
  footer?: 'pageOfTotal' | 'none';
}

export interface PrintResult {
  ok: boolean;
  /** Chinese reason when not ok (cancelled, no printer…). */
  message?: string;
}

export interface PdfEngine {
  readonly name: string;
  htmlToPdf(html: string, opts?: PdfOptions): Promise<Buffer>;
  /** Opens the system print dialog for the document. Only engines with a real window have one. */
  print?(html: string, opts?: PdfOptions): Promise<PrintResult>;
  /** Gets ready for a PDF about to be asked for (the preview is open); engines that start cheaply have none. */
  prewarm?(): void;
}

/** Bottom margin the footer needs, so documents with a footer reserve at least this much. */
export const FOOTER_MIN_BOTTOM_MM = 14;

/**
 * Footer template for Chromium's header/footer machinery (Electron uses the same one). It is
 * rendered in its own tiny document, so the font must be named again here.
 */
export const PAGE_OF_TOTAL_FOOTER =
  '<div style="width:100%;text-align:center;font-size:10pt;font-family:SimSun,\'宋体\',\'Noto Serif CJK SC\',\'Source Han Serif SC\',\'AR PL UMing CN\',serif;color:#000;">' +
  '第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>';

/** An empty header: without one Chromium prints the date and the title at the top. */
export const EMPTY_HEADER = '<span></span>';
