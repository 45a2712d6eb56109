/**
 * Shrink-to-fit without a browser: the print page runs no script (CSP, and the Electron print
 * window has JavaScript off), so text boxes are sized here by estimating glyph advances.
 * Estimates err on the wide side (measured against Noto Serif CJK SC, whose Latin is wider than
 * SimSun's half-width ASCII), so an estimate that "fits" fits on both Windows and Linux.
 */

const PT_PER_MM = 72 / 25.4;

/** Advance of one character in em. */
export function charEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c === 0x20) return 0.3;
  if (c < 0x80) {
    if (ch === 'M' || ch === 'W' || ch === 'm' || ch === 'w') return 1.05;
    if (ch >= 'A' && ch <= 'Z') return 0.74;
    if (ch === '.' || ch === ',' || ch === ':' || ch === ';' || ch === '|' || ch === "'" || ch === 'i' || ch === 'l') return 0.3;
    return 0.56;
  }
  // Latin-1 and general punctuation that are not full-width (–, —, ·, “ ”) are narrower than CJK,
  // but some fonts draw them full-width; count them as full to stay safe.
  return 1;
}

export function textEm(s: string): number {
  let w = 0;
  for (const ch of s) w += charEm(ch);
  return w;
}

/** A paragraph to lay out: its text and, for 简历 entries, a hanging indent in em. */
export interface Para {
  text: string;
  /** Width of the first-line prefix that continuation lines do not repeat (e.g. the date range), in em. */
  hangEm?: number;
  /** Every line starts this far in (continuation-only 简历 lines), in em. */
  indentEm?: number;
}

/** Lines one paragraph needs at a given font size in a box `widthMm` wide. */
export function linesFor(p: Para, widthMm: number, pt: number): number {
  const emMm = pt / PT_PER_MM;
  // Slack per line for line-breaking rules (a 。or ，may not start a line, so up to one
  // character moves down); capped at 5 % so narrow cells are not starved.
  const usable = widthMm - Math.min(emMm, widthMm * 0.05);
  const total = textEm(p.text) * emMm;
  const indent = (p.indentEm ?? 0) * emMm;
  if (p.hangEm) {
    const hang = p.hangEm * emMm;
    if (total <= usable) return 1;
    const rest = Math.max(usable - hang, emMm * 2);
    return 1 + Math.ceil((total - usable) / rest);
  }
  const first = Math.max(usable - indent, emMm * 2);
  return Math.max(1, Math.ceil(total / first));
}

export interface FitSpec {
  widthMm: number;
  heightMm: number;
  /** Start (official) size and the smallest size we allow before declaring overflow. */
  basePt: number;
  floorPt: number;
  /** Line pitch as a multiple of the font size (the form uses "exact" spacing, e.g. 18/14). */
  lineRatio: number;
}

export interface FitResult {
  pt: number;
  lineHeightPt: number;
  linesNeeded: number;
  linesAvailable: number;
  fits: boolean;
  shrunk: boolean;
}

const STEP = 0.5;

/** The largest size from base down to floor (0.5 pt steps) at which all paragraphs fit. */
export function fitParagraphs(paras: Para[], spec: FitSpec): FitResult {
  let pt = spec.basePt;
  for (;;) {
    const r = measure(paras, spec, pt);
    if (r.fits || pt - STEP < spec.floorPt - 1e-9) return { ...r, shrunk: pt < spec.basePt };
    pt -= STEP;
  }
}

function measure(paras: Para[], spec: FitSpec, pt: number): Omit<FitResult, 'shrunk'> {
  const lineHeightPt = pt * spec.lineRatio;
  const linesAvailable = Math.max(1, Math.floor((spec.heightMm * PT_PER_MM) / lineHeightPt + 1e-6));
  const linesNeeded = paras.reduce((n, p) => n + (p.text ? linesFor(p, spec.widthMm, pt) : 1), 0);
  return { pt, lineHeightPt, linesNeeded, linesAvailable, fits: linesNeeded <= linesAvailable };
}

/**
 * For content that cannot fit even at the floor: how many leading paragraphs fit at the floor,
 * so the rest can continue on a 续页 instead of being cut.
 */
export function paragraphsThatFit(paras: Para[], spec: FitSpec): number {
  const lineHeightPt = spec.floorPt * spec.lineRatio;
  const available = Math.max(1, Math.floor((spec.heightMm * PT_PER_MM) / lineHeightPt + 1e-6));
  let used = 0;
  for (let i = 0; i < paras.length; i++) {
    used += paras[i].text ? linesFor(paras[i], spec.widthMm, spec.floorPt) : 1;
    if (used > available) return i;
  }
  return paras.length;
}
