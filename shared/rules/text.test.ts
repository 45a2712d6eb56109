import { describe, expect, it } from 'vitest';
import { scalarText } from './text.js';

describe('scalarText', () => {
  it('gives strings, numbers and booleans as typed, nothing for null/undefined, and never "[object Object]"', () => {
    expect([scalarText('王建国'), scalarText(1975.03), scalarText(true), scalarText(null), scalarText(undefined)]).toEqual(['王建国', '1975.03', 'true', '', '']);
    expect(scalarText({ level: '大学' })).toBe('');
    expect(scalarText(['大良', 3])).toBe('大良,3');
  });
});
