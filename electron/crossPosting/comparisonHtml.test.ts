import { describe, expect, it } from 'vitest';
import type { CompareColumn } from '../../shared/rules/eligibilityCompare.js';
import { SECRECY } from '../print/html.js';
import { comparisonHtml } from './comparisonHtml.js';

const base: CompareColumn = {
  cadreId: 'a', stage: '考察', name: '陈志强', sex: '男', photo: '', birth: '1980.05', age: 46, politicalStatus: '中共党员', partyJoinDate: '2005.07',
  partyYears: 21, education: '大学', degree: '学士', currentPosition: '强村党组织副书记', villagePost: '党组织副书记', postSince: '2021.03', tenureYears: 5,
  villageWorkSince: '2010.03', villageYears: 16, source: { name: '强村', strength: '强', demonstration: '区级', weakLax: '', stars: 5, starsYear: 2025 },
  assessments: [{ year: 2025, grade: '优秀' }], shadow: ['2025年第一期书记跟班 · 强村（2025.03.01–2025.08.31，结业，优秀）'], mentoring: [], rewards: '获<b>表彰</b>',
  negativeFlags: [], verdicts: [{ ruleId: 'age', label: '年龄', result: 'pass', reason: '出生年月 1980.05，至 2026.12.01 为 46 岁，上限 50 岁' }], overall: 'pass',
};
const meta = { pilotLabel: '大良 弱村 · 党组织书记', period: '2026.12.01–2029.11.30', reason: '软弱涣散 整顿', referenceDate: '2026.12.01', ruleVersion: '2026.11-1', printedOn: '2026.11.25', operator: '李组织' };

describe('comparisonHtml', () => {
  const html = comparisonHtml([base, { ...base, cadreId: 'b', name: '梁家豪', education: '大专', degree: '', photo: '/9j/AAAA' }], meta);

  it('is an A4 landscape page with the secrecy mark in the repeated table head, the date and the pilot', () => {
    expect(html).toContain('@page { size: A4 landscape;');
    const thead = html.slice(html.indexOf('<thead>'), html.indexOf('</thead>'));
    expect(thead).toContain(SECRECY);
    expect(thead).toContain('制表日期：2026.11.25');
    expect(thead).toContain('大良 弱村 · 党组织书记');
    expect(html).toContain('thead { display: table-header-group; }');
  });

  it('escapes user text and embeds photos as data URIs of the type their bytes say', () => {
    expect(html).toContain('获&lt;b&gt;表彰&lt;/b&gt;');
    expect(html).not.toContain('<b>表彰');
    expect(html).toContain('src="data:image/jpeg;base64,/9j/AAAA"');
    const png = comparisonHtml([base, { ...base, cadreId: 'b', photo: 'iVBORw0KGgoAAAA' }], meta);
    expect(png).toContain('src="data:image/png;base64,iVBORw0KGgoAAAA"');
    const notImage = comparisonHtml([base, { ...base, cadreId: 'b', photo: 'PHN2Zz4=' }], meta);
    expect(notImage).not.toContain('<img');
    expect(notImage).toContain('（无照片）');
  });

  it('tints differing rows and marks the better value', () => {
    const eduRow = html.slice(html.indexOf('学历学位') - 40, html.indexOf('学历学位') + 400);
    expect(eduRow).toContain('class="differ"');
    expect(eduRow).toContain('大学 / 学士<span class="mark">（优）</span>');
    expect(html).toContain('出生年月 1980.05，至 2026.12.01 为 46 岁，上限 50 岁');
  });
});
