import { describe, expect, it } from 'vitest';
import { fullCadre } from '../../tests/fixtures/print/fullCadre.js';
import { assessmentLine, familyThird, resumeLineParts, rmbHtml, rmbSheets } from './rmbForm.js';

const opts = { refDate: '2026.11', familyColumn: '出生年月' as const };

describe('审批表 values', () => {
  it('writes 简历 lines as the form does, an open end left blank', () => {
    expect(resumeLineParts({ from: '1990.09', to: '1994.07', text: '华南农业大学\n学习' })).toEqual({ date: '1990.09--1994.07', text: '华南农业大学 学习' });
    expect(resumeLineParts({ from: '2024.08', to: '', text: '马东村党委书记' })).toEqual({ date: '2024.08--', text: '马东村党委书记' });
    expect(resumeLineParts({ from: '', to: '', text: '（其间：进修）' })).toEqual({ date: '', text: '（其间：进修）' });
  });

  it('年度考核结果: the typed text wins, else the recorded grades by year', () => {
    expect(assessmentLine({ assessmentText: '', assessments: [{ year: 2024, grade: '优秀' }, { year: 2023, grade: '称职' }] })).toBe('2023年度称职；2024年度优秀。');
    expect(assessmentLine({ assessmentText: '近三年均为称职', assessments: [{ year: 2024, grade: '优秀' }] })).toBe('近三年均为称职');
  });

  it('family column 3 is 出生年月 or the age at 计算年龄时间', () => {
    const m = { relation: '妻子', name: '梁婉婷', birth: '1980.06', politicalStatus: '', workUnit: '', idNumber: '' };
    expect(familyThird(m, '出生年月', '2026.11')).toBe('1980.06');
    expect(familyThird(m, '年龄', '2026.05')).toBe('45');
    expect(familyThird(m, '年龄', '2026.06')).toBe('46');
  });

  it('prints the age in brackets under 出生年月', () => {
    const { html } = rmbHtml([fullCadre()], { ...opts, refDate: '2026.02' });
    expect(html).toContain('<div>1978.03</div><div>(47岁)</div>');
  });
});

describe('safety of the print document', () => {
  it('escapes every user text: markup typed into a field is printed, not obeyed', () => {
    const c = fullCadre({ expertise: '<img src=x onerror=alert(1)>', rewards: '</style><script>alert(1)</script>' });
    const { html } = rmbHtml([c], opts);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('prints a JPEG photo, refuses anything else with a warning', () => {
    expect(rmbSheets(fullCadre(), opts).sheets[0]).toContain('src="data:image/jpeg;base64,/9j/');
    const bad = rmbSheets(fullCadre({ photo: 'PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+' }), opts);
    expect(bad.sheets[0]).not.toContain('<img');
    expect(bad.warnings.find((w) => w.field === '照片')?.level).toBe('warning');
  });
});

describe('fit policy', () => {
  it('a short file needs no warnings at all', () => {
    const r = rmbSheets(fullCadre({ resume: [{ from: '2020.01', to: '', text: '村委会委员' }], partTimeEducation: { level: '', degree: '', levelSchool: '', degreeSchool: '' }, fullTimeEducation: { level: '高中', degree: '', levelSchool: '顺德一中', degreeSchool: '' } }), opts);
    expect(r.warnings).toEqual([]);
    expect(r.sheets).toHaveLength(2);
  });

  it('an over-long 任免理由 goes whole to the 续页 and the cell says so', () => {
    const reason = '该同志工作扎实。'.repeat(60);
    const r = rmbSheets(fullCadre({ appointmentReason: reason }), opts);
    expect(r.sheets).toHaveLength(3);
    expect(r.sheets[1]).toContain('（内容较长，全文见续页）');
    expect(r.sheets[2]).toContain(reason);
    expect(r.warnings.find((w) => w.field === '任免理由')?.message).toMatch(/任免理由内容过长.*全文打印在续页/);
  });
});
