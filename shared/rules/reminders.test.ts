import { describe, expect, it } from 'vitest';
import type { Cadre } from '../domain/cadre.js';
import type { CrossCandidate, CrossPilot } from '../domain/crossPosting.js';
import { emptyDocument, type VaultDocument } from '../domain/document.js';
import { defaultSettings } from '../domain/settings.js';
import type { VillageTerm } from '../domain/terms.js';
import type { Village } from '../domain/village.js';
import { allReminders, nextWorkdayAfter, reminders } from './reminders.js';

const settings = defaultSettings(); // 5 年, 6 个月, 60 岁, 10 年, 2 个月
const village = (id: string): Village => ({ id, name: `${id}村`, townCode: '440606001', kind: '村', strength: '一般', weakLax: null, demonstration: null, redVillage: false, crossPilot: false, vitality: [], note: '', createdAt: '', updatedAt: '' } as unknown as Village);
const term = (over: Partial<VillageTerm> = {}): VillageTerm => ({ id: 't1', villageId: 'v1', number: 7, start: '2021.06.15', end: '', dueDate: '', completedOn: '', note: '', createdAt: '', updatedAt: '', ...over });
const cadre = (over: Partial<Cadre>): Cadre => ({ id: 'c1', name: '陈志强', sex: '男', birth: '1970.01', villageId: 'v1', villagePost: '党组织书记', postSince: '2021.06', tags: [], ...over } as Cadre);

function doc(over: Partial<VaultDocument> = {}): VaultDocument {
  return { ...emptyDocument(), villages: [village('v1')], villageTerms: [term()], ...over };
}
const kinds = (d: VaultDocument, on: string) => reminders(d, on, settings).map((r) => `${r.kind}@${r.due}:${r.urgency}`);

describe('任期届满', () => {
  it.each([
    // term 2021.06.15 + 5 年 = 2026.06.15; shown from 6 months before.
    ['2025.12.14', []],
    ['2025.12.15', ['任期届满@2026.06.15:近期']],
    ['2026.05.16', ['任期届满@2026.06.15:30天内']],
    ['2026.06.15', ['任期届满@2026.06.15:30天内']],
    ['2026.06.16', ['任期届满@2026.06.15:已逾期']],
  ])('on %s: %j', (on, expected) => {
    expect(kinds(doc(), on)).toEqual(expected);
  });

  it('a recorded 换届完成日期 ends it, and only the latest 届次 counts', () => {
    expect(kinds(doc({ villageTerms: [term({ completedOn: '2026.06.01' })] }), '2026.06.16')).toEqual([]);
    expect(kinds(doc({ villageTerms: [term({ id: 'old', number: 6, start: '2016.06.15' }), term()] }), '2025.12.15')).toEqual(['任期届满@2026.06.15:近期']);
  });

  it('the term length and window come from 设置, an entered 应换届时间 wins', () => {
    const s = { ...settings, terms: { ...settings.terms, termYears: 3, dueWithinMonths: 1 } };
    expect(reminders(doc(), '2024.05.15', s).map((r) => r.due)).toEqual(['2024.06.15']);
    expect(reminders(doc(), '2024.05.14', s)).toEqual([]);
    expect(reminders(doc({ villageTerms: [term({ dueDate: '2027.03.31' })] }), '2026.10.01', settings).map((r) => r.due)).toEqual(['2027.03.31']);
  });
});

describe('到龄 at the 换届 date or at the end of the coming term', () => {
  // 换届 2026.06.15, next term ends 2031.06.15, cap 60 (over 60 = 61 and up).
  it.each([
    ['1965.06', '换届时（2026.06.15）61 岁'],
    ['1965.07', '下届任期结束时（2031.06.15）65 岁'],
    ['1970.06', '下届任期结束时（2031.06.15）61 岁'],
    ['1970.07', null],
  ])('born %s → %s', (birth, says) => {
    const found = reminders(doc({ cadres: [cadre({ birth, postSince: '2021.06' })] }), '2026.01.01', settings).filter((r) => r.kind === '到龄');
    if (says === null) expect(found).toEqual([]);
    else expect(found.map((r) => r.message)).toEqual([expect.stringContaining(says)]);
  });

  it('only 两委 members of a village with a term coming due', () => {
    const old = { birth: '1950.01' };
    const d = doc({ cadres: [cadre({ ...old, id: 'a', villagePost: '村民小组长' }), cadre({ ...old, id: 'b', villageId: 'v2' }), cadre({ ...old, id: 'c', deletedAt: 'x' })], villages: [village('v1'), village('v2')] });
    expect(reminders(d, '2026.01.01', settings).filter((r) => r.kind === '到龄')).toEqual([]);
  });
});

describe('任现职超年限', () => {
  it.each([
    ['2016.07', '2026.06.30', false],
    ['2016.07', '2026.07.01', true],
  ])('since %s on %s: %s', (postSince, on, shown) => {
    const d = doc({ villageTerms: [], cadres: [cadre({ postSince })] });
    expect(reminders(d, on, settings).some((r) => r.kind === '任现职超年限')).toBe(shown);
  });
});

describe('公示期满未确认', () => {
  const pilot = { id: 'p1', villageId: 'v1', post: '党组织书记', periodStart: '2026.10.01', periodEnd: '2029.09.30', filled: null } as unknown as CrossPilot;
  const cand = (publicityEnd: string) => ({ id: 'k1', pilotId: 'p1', cadreId: 'c1', steps: [{ stage: '提名' }, { stage: '公示', publicityStart: '2026.09.21', publicityEnd }] }) as unknown as CrossCandidate;
  it.each([
    // ends on Friday 09.18: the next working day is Sunday 09.20, a 国庆 调休 day.
    ['2026.09.18', '2026.09.18', null],
    ['2026.09.18', '2026.09.19', '2026.09.20:30天内'],
    ['2026.09.18', '2026.09.21', '2026.09.20:已逾期'],
    // ends on Friday 11.06: confirmable the next Monday.
    ['2026.11.06', '2026.11.09', '2026.11.09:30天内'],
    // ends on 国庆 2026.10.01 (休 to 10.07): the first working day is 10.08.
    ['2026.10.01', '2026.10.05', '2026.10.08:30天内'],
    ['2026.10.01', '2026.10.08', '2026.10.08:30天内'],
    ['2026.10.01', '2026.10.09', '2026.10.08:已逾期'],
  ])('公示 ends %s, on %s → %s', (end, on, expected) => {
    const got = reminders(doc({ villageTerms: [], crossPilots: [pilot], crossCandidates: [cand(end)], cadres: [] }), on, settings).map((r) => `${r.due}:${r.urgency}`);
    expect(got).toEqual(expected ? [expected] : []);
  });

  it('a 调休 Saturday is a working day', () => {
    expect(nextWorkdayAfter('2026.10.09', [])).toBe('2026.10.10');
    expect(nextWorkdayAfter('2026.10.10', [])).toBe('2026.10.12');
  });
});

describe('已处理 and 暂缓', () => {
  it('暂缓 hides an item until its day, 已处理 for good; all marks leave allReminders alone', () => {
    const key = allReminders(doc(), '2026.06.01', settings)[0].key;
    const mark = (status: '已处理' | '暂缓', until = '') => ({ key, status, until, note: '', operator: '李组织', at: '' });
    const postponed = doc({ reminderMarks: [mark('暂缓', '2026.06.10')] });
    expect(reminders(postponed, '2026.06.09', settings)).toEqual([]);
    expect(reminders(postponed, '2026.06.10', settings).map((r) => r.key)).toEqual([key]);
    expect(reminders(doc({ reminderMarks: [mark('已处理')] }), '2027.06.10', settings)).toEqual([]);
    expect(allReminders(doc({ reminderMarks: [mark('已处理')] }), '2026.06.10', settings)).toHaveLength(1);
  });
});
