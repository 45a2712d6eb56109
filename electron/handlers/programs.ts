/** Handlers for issue 6's three development programs (contract: shared/contract/programs.ts). */
import type { programsContract } from '../../shared/contract/programs.js';
import { findRecord } from './records.js';
import { mentorPairRowsFor, placementRowsFor } from './programsCommon.js';
import { mentoringHandlers } from './programsMentoring.js';
import { shadowHandlers } from './programsShadow.js';
import { villagePairHandlers } from './programsVillagePairs.js';
import type { HandlersFor } from './types.js';

export const programsHandlers: HandlersFor<typeof programsContract> = {
  ...shadowHandlers,
  ...mentoringHandlers,
  ...villagePairHandlers,
  'programs.setLimits': async (patch, app) => {
    const s = app.requireSession();
    return s.mutate((doc, audit) => {
      const before = { youthAgeLimit: doc.settings.youthAgeLimit, expertLoadLimit: doc.settings.expertLoadLimit };
      const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
      doc.settings = { ...doc.settings, ...next };
      audit({ action: 'settings.update', entity: 'settings', recordId: '', summary: `修改培育项目上限：青年年龄 ${before.youthAgeLimit} → ${next.youthAgeLimit}，专家结对 ${before.expertLoadLimit} → ${next.expertLoadLimit}`, before, after: next });
      return next;
    });
  },
  'programs.cadreHistory': ({ cadreId }, app) => {
    const doc = app.requireSession().doc;
    findRecord(doc.cadres, cadreId, '干部档案');
    return {
      placements: placementRowsFor(doc, (p) => p.cadreId === cadreId && !p.deletedAt).sort((a, b) => a.start.localeCompare(b.start)),
      mentorPairs: mentorPairRowsFor(doc, (p) => p.targetKind === '干部' && p.cadreId === cadreId && !p.deletedAt).sort((a, b) => a.start.localeCompare(b.start)),
    };
  },
};
