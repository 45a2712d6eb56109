import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio, readableOn } from './contrast';

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // Mantine's default dimmed grey on white: the failure axe reported on every screen.
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
  });
});

describe('readableOn', () => {
  it('keeps an ink that already reads', () => {
    expect(readableOn('#212529', ['#ffffff'])).toBe('#212529');
  });
  it('darkens a pale ink until it reads on every background given', () => {
    const ink = readableOn('#fab005', ['#ffffff', '#f8f9fa']);
    expect(contrastRatio(ink, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(ink, '#f8f9fa')).toBeGreaterThanOrEqual(AA_TEXT);
    // Still a yellow-brown, not black: the hue is kept.
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(ink.slice(i, i + 2), 16));
    expect(r).toBeGreaterThan(b + 40);
    expect(g).toBeGreaterThan(b);
  });
});
