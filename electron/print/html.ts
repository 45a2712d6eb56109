/**
 * Pieces every printed document shares: escaping, the font stacks, and the A4 "sheet" model.
 *
 * Each printed page is one `.sheet` box of fixed size with absolutely measured content, so the
 * same HTML paginates identically in headless Chromium and in Electron's printToPDF. `@page`
 * keeps a 10 mm bottom margin on every page: the 审批表 never uses it (its own bottom margins are
 * 10–12 mm), and the dossier prints "第 X 页 共 Y 页" there.
 */
import { scalarText } from '../../shared/rules/text.js';

/** Windows first (SimSun/宋体), then 信创 Linux and Debian (Noto / Source Han / AR PL UMing). */
export const SERIF_STACK =
  '"Times New Roman", SimSun, "宋体", "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "AR PL UMing CN", "AR PL UMing", serif';
export const SANS_STACK = '"Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** The 密级 mark at the head of every page of a cadre document. */
export const SECRECY = '内部资料 注意保密';

export const PAGE_BOTTOM_MM = 10;
export const SHEET_W_MM = 210;
/** 1 mm under the printable height so rounding never spills a sheet onto a blank page. */
export const SHEET_H_MM = 297 - PAGE_BOTTOM_MM - 1;

export function esc(s: unknown): string {
  return scalarText(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Label text with even gaps between characters, as the form's "姓  名" (gap in em). */
export function spaced(text: string, gapEm: number): string {
  const chars = [...text].map(esc);
  if (!gapEm) return chars.join('');
  // Explicit gap boxes rather than letter-spacing, which also trails the last character.
  return `<span style="white-space:nowrap">${chars.join(`<span style="display:inline-block;width:${gapEm}em"></span>`)}</span>`;
}

/** Multi-line label: one `<div>` per line. */
export function lines(parts: string[]): string {
  return parts.map((p) => `<div>${p}</div>`).join('');
}

export const BASE_CSS = `
@page { size: A4; margin: 0 0 ${PAGE_BOTTOM_MM}mm 0; }
html, body { margin: 0; padding: 0; background: #fff; }
body { font-family: ${SERIF_STACK}; font-size: 14pt; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { position: relative; width: ${SHEET_W_MM}mm; height: ${SHEET_H_MM}mm; overflow: hidden; break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
/* On screen (the preview iframe) show paper on a grey desk; print ignores this. */
@media screen {
  html { background: #8a8f98; }
  body { padding: 10px 0; }
  .sheet, .d-cover, .d-flow, .d-land { background: #fff; margin: 0 auto 10px; box-shadow: 0 1px 5px rgba(0, 0, 0, 0.45); }
  .d-cover, .d-flow { width: 210mm; box-sizing: border-box; padding: 22mm 22mm 18mm 24mm; }
  .d-cover { height: 297mm; }
  .d-land { width: 297mm; box-sizing: border-box; padding: 14mm 12mm 16mm; }
  .rmb-cont { padding: 25mm 20mm 18mm 22mm; box-sizing: border-box; }
}
`;

export function htmlDocument(title: string, css: string, sheets: string[]): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${BASE_CSS}${css}</style></head>
<body>${sheets.join('\n')}</body></html>`;
}

/** A base64 photo as a data: URI, or null when it is not a JPEG/PNG (never trust stored bytes). */
export function photoDataUri(photo: string): string | null {
  const raw = photo.replace(/^data:image\/[a-z]+;base64,/i, '').replace(/\s/g, '');
  if (!raw || !/^[A-Za-z0-9+/]+={0,2}$/.test(raw)) return null;
  if (raw.startsWith('/9j/')) return `data:image/jpeg;base64,${raw}`;
  if (raw.startsWith('iVBORw0KGgo')) return `data:image/png;base64,${raw}`;
  return null;
}
