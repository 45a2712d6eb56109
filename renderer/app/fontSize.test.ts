// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh module each time: the remembered size is read once, when the module loads (as at app start). */
async function load() {
  vi.resetModules();
  return import('./fontSize');
}

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ ctrlKey: true, metaKey: false, altKey: false, key: k, code: '', ...extra });

describe('字号', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.removeAttribute('style');
  });

  it('starts at 标准 and raises the rem base as it steps up, stopping at 特大 and 标准', async () => {
    const f = await load();
    f.applyRememberedFontSize();
    expect(document.documentElement.style.fontSize).toBe('16px');
    f.stepFontSize(1);
    expect(document.documentElement.style.fontSize).toBe('18px');
    f.stepFontSize(1);
    f.stepFontSize(1);
    expect(f.getFontSize()).toBe('xlarge');
    expect(document.documentElement.style.fontSize).toBe('20px');
    f.stepFontSize(-1);
    f.stepFontSize(-1);
    f.stepFontSize(-1);
    expect(f.getFontSize()).toBe('standard');
  });

  it('is remembered: the next start opens at the size chosen, and a damaged value falls back to 标准', async () => {
    (await load()).setFontSize('xlarge');
    const again = await load();
    again.applyRememberedFontSize();
    expect(again.getFontSize()).toBe('xlarge');
    expect(document.documentElement.style.fontSize).toBe('20px');
    localStorage.setItem('cadre-font-size', 'huge');
    expect((await load()).getFontSize()).toBe('standard');
  });

  it('reads Ctrl + / Ctrl − / Ctrl 0 on the main keys and the number pad, and leaves other keys alone', async () => {
    const { fontSizeKey } = await load();
    expect(fontSizeKey(key('='))).toBe(1);
    expect(fontSizeKey(key('+', { code: 'Equal' }))).toBe(1);
    expect(fontSizeKey(key('+', { code: 'NumpadAdd' }))).toBe(1);
    expect(fontSizeKey(key('-'))).toBe(-1);
    expect(fontSizeKey(key('-', { code: 'NumpadSubtract' }))).toBe(-1);
    expect(fontSizeKey(key('0'))).toBe(0);
    expect(fontSizeKey(key('=', { ctrlKey: false }))).toBeNull();
    expect(fontSizeKey(key('s'))).toBeNull();
    expect(fontSizeKey(key('=', { altKey: true }))).toBeNull();
  });
});
