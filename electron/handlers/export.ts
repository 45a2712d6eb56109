import { exportContract } from '../../shared/contract/import.js';
import { today } from '../../shared/rules/dates.js';
import { rosterTemplate } from '../importer/export.js';
import { runJob } from './job.js';
import type { HandlersFor } from './types.js';

const stamp = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

export const exportHandlers: HandlersFor<typeof exportContract> = {
  'export.cadres': ({ ids, description, job }, app) => {
    const doc = app.requireSession().doc;
    const live = doc.cadres.filter((c) => !c.deletedAt);
    // Keep the order of the list the user is looking at.
    const byId = new Map(live.map((c) => [c.id, c]));
    const list = ids ? ids.map((id) => byId.get(id)).filter((c) => c !== undefined) : live;
    return runJob(app, job, 'export.roster', { fileName: `干部花名册_${stamp()}.xlsx`, description, date: today() }, { bulk: { cadres: list, villages: doc.villages } });
  },
  'export.template': () => ({ fileName: '干部花名册模板.xlsx', base64: rosterTemplate().toString('base64') }),
};
