import { villageContract, type VillageTeamCount } from '../../shared/contract/village.js';
import { villageInputSchema, type Village } from '../../shared/domain/village.js';
import { townName } from '../../shared/domain/towns.js';
import { AppError } from '../../shared/contract/define.js';
import { isSecretaryPost, isTeamPost } from '../../shared/rules/structure.js';
import { parseVillageLines } from '../../shared/rules/villageLines.js';
import { newId, nowIso, type Session } from '../store/session.js';
import { createRecord, findRecord, setDeleted, updateRecord, validate } from './records.js';
import type { HandlersFor } from './types.js';

const label = (v: Village) => `${townName(v.townCode)}${v.name}`;

/** Two live villages of one 镇街 may not share a name: pickers and imports match by name. */
function assertUniqueName(s: Session, townCode: string, name: string, exceptId?: string): void {
  if (s.doc.villages.some((v) => !v.deletedAt && v.id !== exceptId && v.townCode === townCode && v.name === name)) {
    throw new AppError('CONFLICT', `${townName(townCode)}已有“${name}”`, { name: '同一镇街内名称重复' });
  }
}

export const villageHandlers: HandlersFor<typeof villageContract> = {
  'village.list': ({ deleted }, app) => app.requireSession().doc.villages.filter((v) => !!v.deletedAt === deleted),
  'village.get': ({ id }, app) => findRecord(app.requireSession().doc.villages, id, '村（社区）'),
  'village.create': async ({ data }, app) => {
    const s = app.requireSession();
    const fields = validate(villageInputSchema, data, '村（社区）');
    assertUniqueName(s, fields.townCode, fields.name);
    return createRecord<Village>(s, 'villages', fields, (v) => `新建村（社区）：${label(v)}`);
  },
  'village.update': async ({ id, data }, app) => {
    const s = app.requireSession();
    const current = findRecord(s.doc.villages, id, '村（社区）');
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...base } = current;
    const fields = validate(villageInputSchema, { ...base, ...data }, '村（社区）');
    assertUniqueName(s, fields.townCode, fields.name, id);
    return updateRecord<Village>(s, 'villages', id, fields, '村（社区）', (v) => `修改村（社区）：${label(v)}`);
  },
  'village.delete': async ({ id }, app) => {
    await setDeleted<Village>(app.requireSession(), 'villages', id, true, '村（社区）', label);
    return { ok: true as const };
  },
  'village.restore': async ({ id }, app) => {
    const s = app.requireSession();
    const v = findRecord(s.doc.villages, id, '村（社区）');
    assertUniqueName(s, v.townCode, v.name, id);
    return setDeleted<Village>(s, 'villages', id, false, '村（社区）', label);
  },

  'village.bulkCreate': async ({ text }, app) => {
    const s = app.requireSession();
    const { rows, errors } = parseVillageLines(text, s.doc.villages.filter((v) => !v.deletedAt));
    if (errors.length > 0) return { created: [], errors };
    if (rows.length === 0) throw new AppError('INVALID', '没有可添加的行：每行写“镇街 名称 类型”', { text: '请至少填写一行' });
    const at = nowIso();
    const created: Village[] = rows.map((r) => ({
      ...villageInputSchema.parse({ name: r.name, townCode: r.townCode, kind: r.kind }),
      id: newId(),
      createdAt: at,
      updatedAt: at,
    }));
    // One save for the whole paste: either every line is in the vault or none is.
    await s.mutate((doc, audit) => {
      for (const v of created) {
        doc.villages.push(v);
        audit({ action: 'villages.create', entity: 'villages', recordId: v.id, summary: `批量新建村（社区）：${label(v)}`, after: v });
      }
    });
    return { created, errors: [] };
  },

  'village.teamCounts': (_i, app) => {
    const out: Record<string, VillageTeamCount> = {};
    for (const c of app.requireSession().doc.cadres) {
      if (c.deletedAt || !c.villageId) continue;
      const t = (out[c.villageId] ??= { team: 0, reserves: 0, secretary: '' });
      if (isTeamPost(c.villagePost)) t.team++;
      if (c.villagePost === '后备干部' || c.tags.includes('后备')) t.reserves++;
      if (isSecretaryPost(c.villagePost)) t.secretary = t.secretary ? `${t.secretary}、${c.name}` : c.name;
    }
    return out;
  },
};
