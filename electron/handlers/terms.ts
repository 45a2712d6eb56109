import { AppError } from '../../shared/contract/define.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import { termsContract, type PostRecordRow, type TermRow } from '../../shared/contract/terms.js';
import { postRecordInputSchema, reminderMarkInputSchema, villageTermInputSchema, type ReminderMark, type VillageTerm } from '../../shared/domain/terms.js';
import { dateKey, today } from '../../shared/rules/dates.js';
import { termDue, termEnd, termTeam } from '../../shared/rules/postHistory.js';
import { allReminders, hiddenBy } from '../../shared/rules/reminders.js';
import { newId, nowIso } from '../store/session.js';
import { appoint, leave, villageLabel } from './postChanges.js';
import { changedFields, findRecord, validate } from './records.js';
import type { HandlersFor } from './types.js';
import { reserveHandlers } from './reserves.js';

const liveCadre = (cadres: Cadre[], id: string): Cadre => {
  const c = findRecord(cadres, id, '干部档案');
  if (c.deletedAt) throw new AppError('CONFLICT', '该干部档案在回收站中，请先恢复');
  return c;
};

export const termsHandlers: HandlersFor<typeof termsContract> = {
  'terms.history': ({ cadreId }, app) => {
    const doc = app.requireSession().doc;
    const villages = new Map(doc.villages.map((v) => [v.id, v]));
    return doc.postRecords
      .filter((r) => r.cadreId === cadreId && !r.deletedAt)
      .sort((a, b) => (b.start ? dateKey(b.start) : 0) - (a.start ? dateKey(a.start) : 0))
      .map((r): PostRecordRow => ({ ...r, villageName: villages.get(r.villageId)?.name ?? '', townCode: villages.get(r.villageId)?.townCode ?? '' }));
  },

  'terms.appoint': async ({ cadreId, data, appendResume }, app) => {
    const s = app.requireSession();
    const cadre = liveCadre(s.doc.cadres, cadreId);
    const fields = validate(postRecordInputSchema, { ...data, cadreId, end: '', leaveReason: '' }, '任职');
    if (!fields.start) throw new AppError('INVALID', '任职：请填写任职时间（start）', { start: '请填写任职时间' });
    const v = s.doc.villages.find((x) => x.id === fields.villageId && !x.deletedAt);
    if (!v) throw new AppError('INVALID', '任职：所选村（社区）不存在或在回收站中（villageId）', { villageId: '请重新选择村（社区）' });
    const dup = s.doc.postRecords.find((r) => !r.deletedAt && !r.end && r.cadreId === cadreId && r.villageId === fields.villageId && r.post === fields.post);
    if (dup) throw new AppError('CONFLICT', `${cadre.name} 已在任 ${villageLabel(s.doc, fields.villageId)}${fields.post}（自 ${dup.start || '时间不详'}）`);
    return s.mutate((doc, audit) =>
      appoint(doc, cadre, { villageId: fields.villageId, post: fields.post, start: fields.start, basis: fields.basis, note: fields.note }, { id: newId(), at: nowIso(), audit, appendResume }),
    );
  },

  'terms.leave': async ({ recordId, data, closeResume }, app) => {
    const s = app.requireSession();
    const record = findRecord(s.doc.postRecords, recordId, '任职记录');
    if (record.end) throw new AppError('CONFLICT', `该职务已于 ${record.end} 离任`);
    const cadre = liveCadre(s.doc.cadres, record.cadreId);
    const end = typeof data.end === 'string' ? data.end : '';
    if (!end) throw new AppError('INVALID', '离任：请填写离任时间（end）', { end: '请填写离任时间' });
    const fields = validate(postRecordInputSchema, { ...record, ...data }, '离任');
    return s.mutate((doc, audit) =>
      leave(doc, cadre, record, { end: fields.end, leaveReason: fields.leaveReason as Exclude<typeof fields.leaveReason, ''>, leaveBasis: fields.leaveBasis, destination: fields.destination }, { at: nowIso(), audit, closeResume }),
    );
  },

  'terms.villageTerms': ({ villageId }, app) => {
    const doc = app.requireSession().doc;
    const years = doc.settings.terms.termYears;
    const names = new Map(doc.cadres.map((c) => [c.id, c.name]));
    return doc.villageTerms
      .filter((t) => t.villageId === villageId && !t.deletedAt)
      .sort((a, b) => b.number - a.number)
      .map((t): TermRow => ({
        ...t,
        effectiveEnd: termEnd(t, years),
        effectiveDue: termDue(t, years),
        team: termTeam(t, doc.postRecords, years).map((r) => ({ cadreId: r.cadreId, name: names.get(r.cadreId) ?? '', post: r.post, start: r.start, end: r.end, leaveReason: r.leaveReason })),
      }));
  },

  'terms.saveTerm': async ({ id, data }, app) => {
    const s = app.requireSession();
    const current = id ? findRecord(s.doc.villageTerms, id, '届次') : undefined;
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...base } = current ?? ({} as Partial<VillageTerm>);
    const fields = validate(villageTermInputSchema, { ...base, ...data }, '届次');
    if (!s.doc.villages.some((v) => v.id === fields.villageId && !v.deletedAt)) throw new AppError('INVALID', '届次：所选村（社区）不存在或在回收站中', { villageId: '请重新选择村（社区）' });
    const same = s.doc.villageTerms.find((t) => !t.deletedAt && t.id !== id && t.villageId === fields.villageId && t.number === fields.number);
    if (same) throw new AppError('CONFLICT', `${villageLabel(s.doc, fields.villageId)}已有第 ${fields.number} 届`, { number: '届次重复' });
    const label = `${villageLabel(s.doc, fields.villageId)}第 ${fields.number} 届两委`;
    const at = nowIso();
    return s.mutate((doc, audit) => {
      if (current) {
        const before = { ...current };
        Object.assign(current, fields, { updatedAt: at });
        audit({ action: 'villageTerms.update', entity: 'villageTerms', recordId: current.id, summary: `修改届次：${label}`, before: changedFields(before, current), after: changedFields(current, before) });
        return current;
      }
      const term: VillageTerm = { ...fields, id: newId(), createdAt: at, updatedAt: at };
      // The previous term's 换届 is done the day the new one starts.
      const prev = doc.villageTerms.find((t) => !t.deletedAt && t.villageId === fields.villageId && t.number === fields.number - 1 && !t.completedOn);
      if (prev) {
        prev.completedOn = fields.start;
        prev.updatedAt = at;
        audit({ action: 'villageTerms.update', entity: 'villageTerms', recordId: prev.id, summary: `换届完成：${villageLabel(doc, prev.villageId)}第 ${prev.number} 届于 ${fields.start} 完成换届`, after: { completedOn: fields.start } });
      }
      doc.villageTerms.push(term);
      audit({ action: 'villageTerms.create', entity: 'villageTerms', recordId: term.id, summary: `新建届次：${label}（任期起 ${term.start}）`, after: term });
      return term;
    });
  },

  'reminders.list': ({ on }, app) => {
    const doc = app.requireSession().doc;
    const day = on || today();
    const marks = new Map(doc.reminderMarks.map((m) => [m.key, m]));
    const all = allReminders(doc, day, doc.settings);
    return {
      on: day,
      items: all.filter((r) => !hiddenBy(marks.get(r.key), day)),
      marked: all.flatMap((r) => {
        const mark = marks.get(r.key);
        return mark && hiddenBy(mark, day) ? [{ ...r, mark }] : [];
      }),
    };
  },

  'reminders.mark': async ({ data }, app) => {
    const s = app.requireSession();
    const fields = validate(reminderMarkInputSchema, data, '提醒');
    const mark: ReminderMark = { ...fields, until: fields.status === '暂缓' ? fields.until : '', operator: s.operator, at: nowIso() };
    return s.mutate((doc, audit) => {
      doc.reminderMarks = [...doc.reminderMarks.filter((m) => m.key !== mark.key), mark];
      audit({
        action: 'reminderMarks.update',
        entity: 'reminderMarks',
        recordId: mark.key,
        summary: `提醒${mark.status === '暂缓' ? `暂缓至 ${mark.until}` : '已处理'}：${mark.key.split(':')[0]}${mark.note ? `（${mark.note}）` : ''}`,
        after: mark,
      });
      return mark;
    });
  },

  'reminders.unmark': async ({ key }, app) => {
    const s = app.requireSession();
    const mark = s.doc.reminderMarks.find((m) => m.key === key);
    if (!mark) throw new AppError('NOT_FOUND', '该提醒没有处理记录');
    await s.mutate((doc, audit) => {
      doc.reminderMarks = doc.reminderMarks.filter((m) => m.key !== key);
      audit({ action: 'reminderMarks.delete', entity: 'reminderMarks', recordId: key, summary: `提醒恢复显示：${key.split(':')[0]}`, before: mark });
    });
    return { ok: true as const };
  },
  ...reserveHandlers,
};
