import { AppError } from '../../shared/contract/define.js';
import type { termsContract } from '../../shared/contract/terms.js';
import { reserveInputSchema, type ReserveRecord } from '../../shared/domain/reserves.js';
import { nextReserveStages } from '../../shared/rules/reserves.js';
import { newId, nowIso } from '../store/session.js';
import { changedFields, findRecord, validate } from './records.js';
import type { HandlersFor } from './types.js';

type ReserveMethods = Pick<typeof termsContract, 'reserves.get' | 'reserves.save'>;

export const reserveHandlers: HandlersFor<ReserveMethods> = {
  'reserves.get': ({ cadreId }, app) => app.requireSession().doc.reserveRecords.find((r) => r.cadreId === cadreId && !r.deletedAt) ?? null,

  'reserves.save': async ({ cadreId, data }, app) => {
    const s = app.requireSession();
    const cadre = findRecord(s.doc.cadres, cadreId, '干部档案');
    if (cadre.deletedAt) throw new AppError('CONFLICT', '该干部档案在回收站中，请先恢复');
    const current = s.doc.reserveRecords.find((r) => r.cadreId === cadreId && !r.deletedAt);
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...base } = current ?? ({} as Partial<ReserveRecord>);
    const fields = validate(reserveInputSchema, { ...base, ...data, cadreId }, '后备干部');
    if (!current && fields.stage !== '入库') throw new AppError('INVALID', '后备干部：新入库的阶段应为“入库”', { stage: '新入库的阶段应为“入库”' });
    if (current && fields.stage !== current.stage && !nextReserveStages(current.stage).includes(fields.stage)) {
      const next = nextReserveStages(current.stage);
      throw new AppError('CONFLICT', `${cadre.name} 当前为“${current.stage}”，${next.length ? `下一阶段只能是 ${next.join('、')}` : '已结束，不能再改变阶段'}`, { stage: '阶段不能这样变更' });
    }
    const at = nowIso();
    return s.mutate((doc, audit) => {
      if (current) {
        const before = structuredClone(current);
        Object.assign(current, fields, { updatedAt: at });
        const stageNote = before.stage !== current.stage ? `${before.stage} → ${current.stage}${current.stage === '已使用' ? `（任用为${current.usedAs}）` : current.stage === '退出' ? `（${current.exitReason}）` : ''}` : '修改';
        audit({ action: 'reserveRecords.update', entity: 'reserveRecords', recordId: current.id, summary: `后备干部：${cadre.name} ${stageNote}`, before: changedFields(before, current), after: changedFields(current, before) });
        return current;
      }
      const record: ReserveRecord = { ...fields, id: newId(), createdAt: at, updatedAt: at };
      doc.reserveRecords.push(record);
      audit({ action: 'reserveRecords.create', entity: 'reserveRecords', recordId: record.id, summary: `后备干部入库：${cadre.name}（${record.enteredOn}）`, after: record });
      return record;
    });
  },
};
