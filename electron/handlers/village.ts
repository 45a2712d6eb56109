import { villageContract } from '../../shared/contract/village.js';
import { villageInputSchema, type Village } from '../../shared/domain/village.js';
import { townName } from '../../shared/domain/towns.js';
import { AppError } from '../../shared/contract/define.js';
import { createRecord, findRecord, setDeleted, updateRecord, validate } from './records.js';
import type { HandlersFor } from './types.js';

const label = (v: Village) => `${townName(v.townCode)}${v.name}`;

export const villageHandlers: HandlersFor<typeof villageContract> = {
  'village.list': ({ deleted }, app) => app.requireSession().doc.villages.filter((v) => !!v.deletedAt === deleted),
  'village.get': ({ id }, app) => findRecord(app.requireSession().doc.villages, id, '村（社区）'),
  'village.create': async ({ data }, app) => {
    const s = app.requireSession();
    const fields = validate(villageInputSchema, data, '村（社区）');
    if (s.doc.villages.some((v) => !v.deletedAt && v.townCode === fields.townCode && v.name === fields.name)) {
      throw new AppError('CONFLICT', `${townName(fields.townCode)}已有“${fields.name}”`, { name: '同一镇街内名称重复' });
    }
    return createRecord<Village>(s, 'villages', fields, (v) => `新建村（社区）：${label(v)}`);
  },
  'village.update': async ({ id, data }, app) => {
    const s = app.requireSession();
    const current = findRecord(s.doc.villages, id, '村（社区）');
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...base } = current;
    const fields = validate(villageInputSchema, { ...base, ...data }, '村（社区）');
    return updateRecord<Village>(s, 'villages', id, fields, '村（社区）', (v) => `修改村（社区）：${label(v)}`);
  },
  'village.delete': async ({ id }, app) => {
    await setDeleted<Village>(app.requireSession(), 'villages', id, true, '村（社区）', label);
    return { ok: true as const };
  },
  'village.restore': ({ id }, app) => setDeleted<Village>(app.requireSession(), 'villages', id, false, '村（社区）', label),
};
