/**
 * WCAG contrast arithmetic for the theme: the palette's own shades are chosen for looks, and several (grey 次要 text,
 * pale-red and green tags, yellow outlines) fall below the 4.5:1 that officials' eyes on office monitors need.
 */

function channels(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.split('').map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: number[]): string {
  return '#' + rgb.map((c) => Math.round(Math.max(0, Math.min(255, c))).toString(16).padStart(2, '0')).join('');
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text contrast WCAG AA asks of normal-size text; a little over, so browser rounding never tips it under. */
export const AA_TEXT = 4.6;

/**
 * The given ink, darkened in small steps (keeping its hue) until it reads at `min` against every background given.
 * An ink that already reads is returned unchanged, so colours that pass keep their exact look.
 */
export function readableOn(ink: string, backgrounds: string[], min = AA_TEXT): string {
  const base = channels(ink);
  for (let k = 0; k <= 1.0001; k += 0.04) {
    const candidate = toHex(base.map((c) => c * (1 - k)));
    if (backgrounds.every((bg) => contrastRatio(candidate, bg) >= min)) return candidate;
  }
  return '#000000';
}
