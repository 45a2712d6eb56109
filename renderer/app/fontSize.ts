/**
 * 字号 标准 / 大 / 特大 (issue 19): the whole UI grows by raising the rem base (the html font size). Mantine expresses
 * every size in rem (rem() is `calc(x rem * var(--mantine-scale))`), so text, inputs, buttons, paddings and the shell's
 * header and navbar all grow together — unlike CSS zoom, which would also enlarge the page's idea of the screen and
 * break the layouts' own breakpoints.
 *
 * Remembered per PC in localStorage: in browser mode that is the browser's profile; in the desktop app the window loads
 * from the privileged `app://` scheme in Electron's default (persistent) session, whose localStorage is kept in the
 * app's userData folder across runs. It is not in the vault: it belongs to the PC and its user's eyes, and it is needed
 * before unlock.
 */
import { useSyncExternalStore } from 'react';

export const FONT_SIZES = [
  { value: 'standard', label: '标准', px: 16 },
  { value: 'large', label: '大', px: 18 },
  { value: 'xlarge', label: '特大', px: 20 },
] as const;

export type FontSize = (typeof FONT_SIZES)[number]['value'];

const KEY = 'cadre-font-size';
const listeners = new Set<() => void>();

function isFontSize(v: unknown): v is FontSize {
  return FONT_SIZES.some((f) => f.value === v);
}

function read(): FontSize {
  try {
    const saved = localStorage.getItem(KEY);
    return isFontSize(saved) ? saved : 'standard';
  } catch {
    return 'standard';
  }
}

let current: FontSize = typeof localStorage === 'undefined' ? 'standard' : read();

function apply(size: FontSize): void {
  const px = FONT_SIZES.find((f) => f.value === size)!.px;
  document.documentElement.style.fontSize = `${px}px`;
  document.documentElement.dataset.fontSize = size;
}

/** Called once at start, before the first render, so the first frame is already at the remembered size. */
export function applyRememberedFontSize(): void {
  apply(current);
}

export function getFontSize(): FontSize {
  return current;
}

export function setFontSize(size: FontSize): void {
  if (size === current) return;
  current = size;
  apply(size);
  try {
    localStorage.setItem(KEY, size);
  } catch {
    /* a profile that cannot be written: the size holds for this run only */
  }
  for (const l of listeners) l();
}

/** One step larger (+1) or smaller (−1), stopping at 标准 and 特大. */
export function stepFontSize(direction: 1 | -1): void {
  const i = FONT_SIZES.findIndex((f) => f.value === current);
  const next = FONT_SIZES[Math.max(0, Math.min(FONT_SIZES.length - 1, i + direction))];
  setFontSize(next.value);
}

export function useFontSize(): FontSize {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/**
 * Ctrl + / Ctrl − / Ctrl 0 step the 字号 (on the main keyboard and the number pad, with or without Shift for "+").
 * The browser's (and Electron's menu) zoom on the same keys is prevented: zoom would scale the page a second way.
 */
export function fontSizeKey(e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'key' | 'code'>): 1 | -1 | 0 | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  if (e.key === '+' || e.key === '=' || e.code === 'NumpadAdd') return 1;
  if (e.key === '-' || e.key === '_' || e.code === 'NumpadSubtract') return -1;
  if (e.key === '0' || e.code === 'Numpad0') return 0;
  return null;
}
