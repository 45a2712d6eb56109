import { describe, expect, it } from 'vitest';
import type { PostRecord, VillageTerm } from '../domain/terms.js';
import { addMonths, addYears, currentPostFields, currentTerm, historyOf, isFormer, termDue, termEnd, termTeam, yearsInPost } from './postHistory.js';

const rec = (over: Partial<PostRecord>): PostRecord => ({
  id: over.id ?? Math.random().toString(36).slice(2),
  cadreId: 'c1',
  villageId: 'v1',
  post: '村委会委员',
  start: '2021.03',
  end: '',
  basis: '',
  leaveBasis: '',
  leaveReason: '',
  destination: '',
  note: '',
  createdAt: '',
  updatedAt: '',
  ...over,
});
const term = (over: Partial<VillageTerm>): VillageTerm => ({ id: 't', villageId: 'v1', number: 7, start: '2021.03.20', end: '', dueDate: '', completedOn: '', note: '', createdAt: '', updatedAt: '', ...over });

describe('post history → the file’s 村职务 and 任现职时间', () => {
  it.each([
    ['no history keeps the file as it is', [], undefined],
    ['one open post', [rec({ post: '村委会委员', start: '2021.03' })], { villageId: 'v1', villagePost: '村委会委员', postSince: '2021.03' }],
    ['a day-precise 任职时间 gives its month', [rec({ start: '2024.11.18' })], { villageId: 'v1', villagePost: '村委会委员', postSince: '2024.11' }],
    [
      'the higher of two open posts wins, whatever the order',
      [rec({ post: '村民小组长', start: '2024.01' }), rec({ post: '党组织书记', start: '2018.05' })],
      { villageId: 'v1', villagePost: '党组织书记', postSince: '2018.05' },
    ],
    [
      'a closed post no longer counts',
      [rec({ post: '党组织书记', start: '2016.03', end: '2021.03', leaveReason: '换届未连任' }), rec({ post: '村委会委员', start: '2021.03' })],
      { villageId: 'v1', villagePost: '村委会委员', postSince: '2021.03' },
    ],
    [
      'all closed: 离任, last village kept, no post',
      [rec({ villageId: 'v1', start: '2011.03', end: '2016.03', leaveReason: '调任' }), rec({ villageId: 'v2', start: '2016.03', end: '2026.11.30', leaveReason: '辞职' })],
      { villageId: 'v2', villagePost: undefined, postSince: '' },
    ],
  ] as const)('%s', (_l, history, expected) => {
    expect(currentPostFields(history as unknown as PostRecord[])).toEqual(expected);
  });

  it('a cadre is 历史任职干部 only with history and nothing open', () => {
    expect(isFormer([])).toBe(false);
    expect(isFormer([rec({ end: '2026.01', leaveReason: '辞职' })])).toBe(true);
    expect(isFormer([rec({ end: '2026.01', leaveReason: '辞职' }), rec({})])).toBe(false);
    // A record in the 回收站 is no history at all.
    expect(historyOf([rec({ deletedAt: 'x' })], 'c1')).toEqual([]);
  });

  it.each([
    ['2016.03', '2026.02.28', 9],
    ['2016.03', '2026.03.01', 10],
    ['2016.03.15', '2026.03.14', 9],
    ['2016.03.15', '2026.03.15', 10],
    ['', '2026.03.15', undefined],
  ])('任现职年限 from %s on %s is %s', (since, on, years) => {
    expect(yearsInPost(since, on)).toBe(years);
  });
});

describe('届次', () => {
  it.each([
    ['2021.03.20', 5, '2026.03.20'],
    ['2024.02.29', 5, '2029.02.28'],
    ['2024.02.29', 4, '2028.02.29'],
  ])('%s + %i 年 = %s', (from, n, to) => expect(addYears(from, n)).toBe(to));

  it.each([
    ['2026.12.03', 6, '2027.06.03'],
    ['2026.08.31', 6, '2027.02.28'],
    ['2026.12.31', 2, '2027.02.28'],
    ['2027.01.15', -1, '2026.12.15'],
  ])('%s + %i 月 = %s', (from, n, to) => expect(addMonths(from, n)).toBe(to));

  it('任期止 and 应换届时间 default to 任期起 + 设置 years, an entered date wins', () => {
    expect(termEnd(term({}), 5)).toBe('2026.03.20');
    expect(termEnd(term({}), 3)).toBe('2024.03.20');
    expect(termDue(term({}), 5)).toBe('2026.03.20');
    expect(termDue(term({ end: '2026.05.01' }), 5)).toBe('2026.05.01');
    expect(termDue(term({ end: '2026.05.01', dueDate: '2027.03.31' }), 5)).toBe('2027.03.31');
  });

  it('the current term is the highest 届次 of the village', () => {
    const ts = [term({ id: 'a', number: 6 }), term({ id: 'b', number: 7 }), term({ id: 'c', number: 8, villageId: 'v2' }), term({ id: 'd', number: 9, deletedAt: 'x' })];
    expect(currentTerm(ts, 'v1')?.id).toBe('b');
    expect(currentTerm(ts, 'v3')).toBeUndefined();
  });

  it('a term’s team is everyone at the village whose post overlaps it, including the boundary days', () => {
    const t = term({ start: '2021.03.20' }); // to 2026.03.20
    const team = termTeam(t, [
      rec({ id: 'in', start: '2021.03.20' }),
      rec({ id: 'left-on-first-day', start: '2016.03', end: '2021.03.20', leaveReason: '换届未连任' }),
      rec({ id: 'left-before', start: '2016.03', end: '2021.03.19', leaveReason: '换届未连任' }),
      rec({ id: 'came-on-last-day', start: '2026.03.20' }),
      rec({ id: 'came-after', start: '2026.03.21' }),
      rec({ id: 'other-village', villageId: 'v2' }),
    ], 5);
    expect(team.map((r) => r.id).sort()).toEqual(['came-on-last-day', 'in', 'left-on-first-day']);
  });
});
