import { describe, expect, it } from 'vitest';
import { educationRank, highestEducation } from './education.js';

const cadre = (fullTime: string, partTime: string) => ({ fullTimeEducation: { level: fullTime }, partTimeEducation: { level: partTime } }) as Parameters<typeof highestEducation>[0];

describe('highestEducation', () => {
  it('takes the higher of 全日制 and 在职 by the code table order', () => {
    expect(highestEducation(cadre('高中', '大学'))).toBe('大学');
    expect(highestEducation(cadre('研究生', '大专'))).toBe('研究生');
    expect(highestEducation(cadre('中专', '中专'))).toBe('中专');
  });

  it('uses whichever one is recorded', () => {
    expect(highestEducation(cadre('', '大专'))).toBe('大专');
    expect(highestEducation(cadre('初中', ''))).toBe('初中');
    expect(highestEducation(cadre('', ''))).toBe('');
  });

  it('prefers a level from the code table over hand-typed text, but keeps the text when it is all there is', () => {
    expect(highestEducation(cadre('函授本科', '小学'))).toBe('小学');
    expect(highestEducation(cadre('函授本科', ''))).toBe('函授本科');
    expect(highestEducation(cadre('', '党校大专'))).toBe('党校大专');
    expect(highestEducation(cadre('函授本科', '党校大专'))).toBe('函授本科');
  });
});

describe('educationRank', () => {
  it('ranks 研究生 highest and unknown text below 小学', () => {
    expect(educationRank('研究生')).toBeLessThan(educationRank('大学'));
    expect(educationRank('小学')).toBeLessThan(educationRank('函授本科'));
    expect(educationRank('')).toBe(educationRank('函授本科'));
  });
});
