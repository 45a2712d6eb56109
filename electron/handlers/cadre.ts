import { AppError } from '../../shared/contract/define.js';
import { cadreContract } from '../../shared/contract/cadre.js';
import { cadreWindowContract } from '../../shared/contract/cadreWindow.js';
import { cadreInputSchema, type Cadre } from '../../shared/domain/cadre.js';
import { formerCadreIds } from '../../shared/rules/postHistory.js';
import { listVersion, toRow } from '../store/cadreView.js';
import type { Session } from '../store/session.js';
import { createRecord, findRecord, setDeleted, updateRecord, validate } from './records.js';
import type { HandlersFor } from './types.js';

/** Refuses a second live file with the same 身份证号码. */
export function assertUniqueId(session: Session, idNumber: string, exceptId?: string): void {
  const dup = session.doc.cadres.find((c) => c.idNumber === idNumber && c.id !== exceptId && !c.deletedAt);
  if (dup) throw new AppError('CONFLICT', `身份证号码 ${idNumber} 已属于 ${dup.name} 的档案`, { idNumber: `该身份证号码已属于 ${dup.name}` });
}

const OPTIONAL_KEYS = ['villageId', 'villagePost'] as const;

/**
 * An update sends only what changed. JSON cannot carry `undefined`, so `null` means
 * "clear this field" (e.g. the cadre no longer belongs to a village).
 */
export function mergeUpdate(base: Record<string, unknown>, data: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base, ...data };
  for (const [k, v] of Object.entries(data)) if (v === null) delete merged[k];
  return merged;
}

export const cadreHandlers: HandlersFor<typeof cadreContract> = {
  'cadre.list': ({ deleted }, app) => {
    const session = app.requireSession();
    const doc = session.doc;
    const villages = new Map(doc.villages.map((v) => [v.id, v]));
    const former = formerCadreIds(doc.postRecords);
    return doc.cadres.filter((c) => !!c.deletedAt === deleted).map((c) => toRow(c, villages, session.searchKeys, former));
  },

  // Tells the renderer whether its copy of a list is still current without sending 50k rows again.
  'cadre.listVersion': (_i, app) => ({ version: listVersion(app.requireSession().doc) }),

  'cadre.get': ({ id }, app) => findRecord(app.requireSession().doc.cadres, id, '干部档案'),

  'cadre.create': async ({ data }, app) => {
    const s = app.requireSession();
    const fields = validate(cadreInputSchema, mergeUpdate({}, data), '干部档案');
    assertUniqueId(s, fields.idNumber);
    return createRecord<Cadre>(s, 'cadres', fields, (c) => `新建干部档案：${c.name}`);
  },

  'cadre.update': async ({ id, data }, app) => {
    const s = app.requireSession();
    const current = findRecord(s.doc.cadres, id, '干部档案');
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...base } = current;
    const fields = validate(cadreInputSchema, mergeUpdate(base, data), '干部档案');
    assertUniqueId(s, fields.idNumber, id);
    // Optional fields the update cleared must be unset on the stored record, not left as they were.
    const cleared = Object.fromEntries(OPTIONAL_KEYS.filter((k) => fields[k] === undefined).map((k) => [k, undefined]));
    return updateRecord<Cadre>(s, 'cadres', id, { ...cleared, ...fields }, '干部档案', (c) => `修改干部档案：${c.name}`);
  },

  'cadre.delete': async ({ id }, app) => {
    await setDeleted<Cadre>(app.requireSession(), 'cadres', id, true, '干部档案', (c) => c.name);
    return { ok: true as const };
  },

  'cadre.restore': async ({ id }, app) => {
    const s = app.requireSession();
    const c = findRecord(s.doc.cadres, id, '干部档案');
    assertUniqueId(s, c.idNumber, id);
    return setDeleted<Cadre>(s, 'cadres', id, false, '干部档案', (x) => x.name);
  },
};

export const cadreWindowHandlers: HandlersFor<typeof cadreWindowContract> = {
  'cadre.window': ({ offset, limit, locate, ...spec }, app) => {
    const s = app.requireSession();
    const list = s.cadreViews.listing(s.doc, spec);
    const rows = [];
    for (let i = offset; i < Math.min(list.shown, offset + limit); i++) rows.push(list.rowAt(i));
    let located = -1;
    if (locate) {
      for (let i = 0; i < list.shown; i++) {
        if (list.rowAt(i).id === locate) {
          located = i;
          break;
        }
      }
    }
    return { rows, offset, shown: list.shown, total: list.total, version: list.version, located };
  },

  'cadre.windowIds': ({ scope, ...spec }, app) => {
    const s = app.requireSession();
    const list = scope === 'all' ? s.cadreViews.sortedAll(s.doc, spec) : s.cadreViews.listing(s.doc, spec);
    const ids = new Array<string>(list.shown);
    const names = new Array<string>(list.shown);
    for (let i = 0; i < list.shown; i++) {
      const r = list.rowAt(i);
      ids[i] = r.id;
      names[i] = r.name;
    }
    return { ids, names, version: list.version };
  },
};
