import { describe, expect, it } from 'vitest';
import { chromiumArgs } from './chromiumArgs.js';

describe('chromiumArgs', () => {
  it('keeps Chromium’s sandbox for an ordinary user', () => {
    expect(chromiumArgs([], {}, 1000)).not.toContain('--no-sandbox');
  });
  it('switches it off only as root or in CI, where it cannot be created', () => {
    expect(chromiumArgs([], {}, 0)).toContain('--no-sandbox');
    expect(chromiumArgs([], { CI: 'true' }, 1000)).toContain('--no-sandbox');
  });
  it('always starts offline and quiet, plus what the caller adds', () => {
    const a = chromiumArgs(['--font-render-hinting=none'], {}, 1000);
    expect(a).toEqual(expect.arrayContaining(['--disable-background-networking', '--disable-component-update', '--font-render-hinting=none']));
  });
});
