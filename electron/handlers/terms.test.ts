import { describe, expect, it } from 'vitest';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { Village } from '../../shared/domain/village.js';
import { id18, useTestApp } from '../../tests/fixtures/testApp.js';

const t = useTestApp('cadre-terms-');
const { call, fail } = t;

describe('post history, 届次 and the reminders desk through the router', () => {
  let v1: Village;
  let v2: Village;
  let cadre: Cadre;

  it('任职 opens a record, keeps what the file said before, and offers a 简历 line', async () => {
    v1 = await call('village.create', { data: { name: '逢简村', townCode: '440606105' } });
    v2 = await call('village.create', { data: { name: '马齐村', townCode: '440606105' } });
    cadre = await call('cadre.create', {
      data: { name: '梁国良', sex: '男', birth: '1964.05', idNumber: id18('19640515', '011'), villageId: v1.id, villagePost: '村委会委员', postSince: '2016.03', politicalStatus: '中共党员' },
    });
    const e = await fail('terms.appoint', { cadreId: cadre.id, data: { villageId: v1.id, post: '党组织书记', start: '2021.3.5' } });
    expect(e.fields?.start).toBe('日期应写成 2023.04.10 或 2023.04 的形式');
    await call('terms.appoint', { cadreId: cadre.id, data: { villageId: v1.id, post: '党组织书记', start: '2021.06.15', basis: '顺德区杏坛镇党委〔2021〕12号' }, appendResume: true });
    const history = await call('terms.history', { cadreId: cadre.id });
    expect(history.map((r) => `${r.villageName}${r.post} ${r.start}–${r.end || '至今'}`)).toEqual(['逢简村党组织书记 2021.06.15–至今', '逢简村村委会委员 2016.03–至今']);
    const file = await call('cadre.get', { id: cadre.id });
    expect([file.villagePost, file.postSince]).toEqual(['党组织书记', '2021.06']);
    expect(file.resume.at(-1)).toEqual({ from: '2021.06', to: '', text: '逢简村党组织书记' });
    expect((await fail('terms.appoint', { cadreId: cadre.id, data: { villageId: v1.id, post: '党组织书记', start: '2022.01.01' } })).message).toContain('已在任');
  });

  it('离任 needs a reason; leaving every post makes a 历史任职干部 who stays on file', async () => {
    const history = await call('terms.history', { cadreId: cadre.id });
    const [sec, member] = history;
    expect((await fail('terms.leave', { recordId: sec.id, data: { end: '2026.11.30' } })).fields?.leaveReason).toBe('离任须选择离任原因');
    expect((await fail('terms.leave', { recordId: sec.id, data: { end: '2020.01.01', leaveReason: '辞职' } })).fields?.end).toContain('早于任职时间');
    await call('terms.leave', { recordId: member.id, data: { end: '2021.06.15', leaveReason: '换届未连任' } });
    let row = (await call('cadre.list', {})).find((r) => r.id === cadre.id)!;
    expect([row.villagePost, row.former]).toEqual(['党组织书记', undefined]);
    await call('terms.leave', { recordId: sec.id, data: { end: '2026.11.30', leaveReason: '退休', destination: '退休', leaveBasis: '杏坛镇党委〔2026〕40号' }, closeResume: true });
    row = (await call('cadre.list', {})).find((r) => r.id === cadre.id)!;
    expect(row).toMatchObject({ former: true, villageName: '逢简村', postSince: '' });
    expect(row.villagePost).toBeUndefined();
    const file = await call('cadre.get', { id: cadre.id });
    expect(file.deletedAt).toBeUndefined();
    expect(file.resume.at(-1)).toEqual({ from: '2021.06', to: '2026.11', text: '逢简村党组织书记' });
    const audit = t.app.requireSession().doc.audit.map((a) => a.summary);
    expect(audit).toContain('离任：梁国良 离任 杏坛逢简村党组织书记（2026.11.30，退休，去向：退休）');
    expect((await fail('terms.leave', { recordId: sec.id, data: { end: '2026.12.01', leaveReason: '辞职' } })).message).toBe('该职务已于 2026.11.30 离任');
  });

  it('a new 届次 records the previous one’s 换届 as done; each term lists its team', async () => {
    await call('terms.saveTerm', { data: { villageId: v2.id, number: 7, start: '2021.06.15' } });
    expect((await fail('terms.saveTerm', { data: { villageId: v2.id, number: 7, start: '2021.06.16' } })).message).toBe('杏坛马齐村已有第 7 届');
    expect((await fail('terms.saveTerm', { data: { villageId: v2.id, number: 8, start: '2026.12.01', end: '2026.01.01' } })).fields?.end).toContain('不晚于任期起');
    await call('terms.appoint', { cadreId: cadre.id, data: { villageId: v2.id, post: '村委会委员', start: '2026.12.01' } });
    let rows = await call('terms.villageTerms', { villageId: v2.id });
    expect(rows.map((r) => [r.number, r.effectiveEnd, r.effectiveDue, r.team.map((m) => m.name)])).toEqual([[7, '2026.06.15', '2026.06.15', []]]);
    await call('terms.saveTerm', { data: { villageId: v2.id, number: 8, start: '2026.12.01' } });
    rows = await call('terms.villageTerms', { villageId: v2.id });
    expect(rows.map((r) => [r.number, r.completedOn, r.team.map((m) => `${m.name}${m.post}`)])).toEqual([
      [8, '', ['梁国良村委会委员']],
      [7, '2026.12.01', []],
    ]);
  });

  it('the desk lists a due term; 暂缓 hides it until its day and is audited', async () => {
    await call('terms.saveTerm', { data: { villageId: v1.id, number: 7, start: '2021.12.20' } });
    let desk = await call('reminders.list', { on: '2026.12.03' });
    const due = desk.items.find((r) => r.kind === '任期届满')!;
    expect(due).toMatchObject({ due: '2026.12.20', urgency: '30天内', villageId: v1.id, link: `/villages/${v1.id}` });
    expect((await fail('reminders.mark', { data: { key: due.key, status: '暂缓' } })).fields?.until).toBe('暂缓须填写到哪一天');
    await call('reminders.mark', { data: { key: due.key, status: '暂缓', until: '2026.12.10', note: '待镇党委部署' } });
    desk = await call('reminders.list', { on: '2026.12.03' });
    expect(desk.items.some((r) => r.key === due.key)).toBe(false);
    expect(desk.marked.map((r) => [r.key, r.mark.status, r.mark.until])).toEqual([[due.key, '暂缓', '2026.12.10']]);
    desk = await call('reminders.list', { on: '2026.12.10' });
    expect(desk.items.some((r) => r.key === due.key)).toBe(true);
    expect(t.app.requireSession().doc.audit.at(-1)?.summary).toBe('提醒暂缓至 2026.12.10：任期届满（待镇党委部署）');
    await call('reminders.unmark', { key: due.key });
    desk = await call('reminders.list', { on: '2026.12.03' });
    expect(desk.items.some((r) => r.key === due.key)).toBe(true);
  });
});
