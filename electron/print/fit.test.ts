import { describe, expect, it } from 'vitest';
import { charEm, fitParagraphs, linesFor, paragraphsThatFit, textEm } from './fit.js';

const spec = { widthMm: 100, heightMm: 40, basePt: 14, floorPt: 9, lineRatio: 18 / 14 };

describe('glyph width estimate', () => {
  it('counts CJK as 1 em and digits as about half', () => {
    expect(charEm('简')).toBe(1);
    expect(charEm('，')).toBe(1);
    expect(charEm('7')).toBeGreaterThan(0.5);
    expect(charEm('7')).toBeLessThan(0.6);
    expect(textEm('1990.09--1994.07')).toBeGreaterThan(7);
  });
});

describe('lines needed', () => {
  it('one line while the text is narrower than the box', () => {
    // 100 mm at 14 pt ≈ 20 CJK characters.
    expect(linesFor({ text: '一'.repeat(15) }, 100, 14)).toBe(1);
    expect(linesFor({ text: '一'.repeat(25) }, 100, 14)).toBe(2);
  });
  it('continuation lines of a 简历 entry are shorter by the hanging indent', () => {
    const plain = linesFor({ text: '一'.repeat(60) }, 100, 14);
    const hung = linesFor({ text: '一'.repeat(60), hangEm: 7.86 }, 100, 14);
    expect(hung).toBeGreaterThan(plain);
  });
});

describe('fitParagraphs', () => {
  it('keeps the official size when the text fits', () => {
    const r = fitParagraphs([{ text: '短文本' }], spec);
    expect(r).toMatchObject({ pt: 14, fits: true, shrunk: false });
  });
  it('shrinks step by step to the largest size that fits', () => {
    const paras = Array.from({ length: 8 }, () => ({ text: '一'.repeat(18) }));
    const r = fitParagraphs(paras, spec);
    expect(r.fits).toBe(true);
    expect(r.shrunk).toBe(true);
    expect(r.pt).toBeLessThan(14);
    // One step larger would not fit.
    const bigger = fitParagraphs(paras, { ...spec, floorPt: r.pt + 0.5, basePt: r.pt + 0.5 });
    expect(bigger.fits).toBe(false);
  });
  it('reports overflow at the floor instead of pretending', () => {
    const paras = Array.from({ length: 40 }, () => ({ text: '一'.repeat(30) }));
    const r = fitParagraphs(paras, spec);
    expect(r).toMatchObject({ pt: 9, fits: false });
    expect(r.linesNeeded).toBeGreaterThan(r.linesAvailable);
    const n = paragraphsThatFit(paras, spec);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(40);
  });
});
