import { AppError } from '../../shared/contract/define.js';
import { demoContract } from '../../shared/contract/demo.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { buildDemoDocument } from '../demo/generate.js';
import type { HandlersFor } from './types.js';

/** Size and seed of the 示例 data a user loads (the same as at first run). */
export const DEMO_CADRES = 2000;
export const DEMO_SEED = 20231;

/** Collections of records (not the audit trail or import bookkeeping). */
const NOT_RECORDS = new Set(['audit', 'importBatches', 'importTemplates']);
function recordCollections(doc: VaultDocument): Array<[string, Array<{ demo?: boolean }>]> {
  return Object.entries(doc).filter(([k, v]) => Array.isArray(v) && !NOT_RECORDS.has(k)) as Array<[string, Array<{ demo?: boolean }>]>;
}

export const demoHandlers: HandlersFor<typeof demoContract> = {
  'demo.load': async (_i, app) => {
    const s = app.requireSession();
    const real = recordCollections(s.doc).reduce((n, [, list]) => n + list.filter((r) => !r.demo).length, 0);
    if (real > 0) {
      throw new AppError('CONFLICT', `档案库中已有 ${real} 条正式记录，不能再载入示例数据（以免虚构人员混入正式档案）。如需体验，请另建一个档案库并在创建时勾选“载入示例数据”。`);
    }
    if (s.doc.meta.demo) throw new AppError('CONFLICT', '示例数据已载入');
    const demo = buildDemoDocument({ cadres: DEMO_CADRES, seed: DEMO_SEED, now: new Date().toISOString() });
    return s.mutate((doc, audit) => {
      for (const [key, list] of recordCollections(demo)) {
        if (list.length) (doc as unknown as Record<string, unknown[]>)[key] = [...((doc as unknown as Record<string, unknown[]>)[key] ?? []), ...list];
      }
      doc.meta.demo = true;
      audit({ action: 'demo.load', entity: 'vault', recordId: '', summary: `载入示例数据：${demo.villages.length} 个村（社区）、${demo.cadres.length} 名干部` });
      return { villages: demo.villages.length, cadres: demo.cadres.length };
    });
  },

  'demo.clear': async (_i, app) => {
    const s = app.requireSession();
    return s.mutate((doc, audit) => {
      let removed = 0;
      const gone = new Set<string>();
      for (const [key, list] of recordCollections(doc)) {
        const keep = list.filter((r) => !r.demo);
        for (const r of list) if (r.demo) gone.add((r as { id?: string }).id ?? '');
        removed += list.length - keep.length;
        (doc as unknown as Record<string, unknown[]>)[key] = keep;
      }
      // Records users added themselves must not point at people or villages that no longer exist.
      for (const c of doc.cadres) {
        if (c.villageId && gone.has(c.villageId)) delete c.villageId;
        for (const rel of c.relations) if (rel.cadreId && gone.has(rel.cadreId)) delete rel.cadreId;
      }
      doc.meta.demo = false;
      audit({ action: 'demo.clear', entity: 'vault', recordId: '', summary: `清除示例数据：共 ${removed} 条记录` });
      return { removed };
    });
  },
};
