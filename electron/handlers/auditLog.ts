import { auditLogContract } from '../../shared/contract/audit.js';
import { today } from '../../shared/rules/dates.js';
import { runJob } from './job.js';
import { auditOperators, filterAudit, referencedNames, toLogEntry } from './auditLogQuery.js';
import type { HandlersFor } from './types.js';

export const auditLogHandlers: HandlersFor<typeof auditLogContract> = {
  'audit.search': ({ offset, limit, ...filter }, app) => {
    const doc = app.requireSession().doc;
    const matched = filterAudit(doc.audit, filter);
    const page = matched.slice(offset, offset + limit);
    return {
      total: matched.length,
      entries: page.map((e) => toLogEntry(e, doc)),
      operators: auditOperators(doc.audit),
      names: referencedNames(page, doc),
    };
  },

  'audit.export': ({ job, ...filter }, app) => {
    const matched = filterAudit(app.requireSession().doc.audit, filter);
    return runJob(app, job, 'audit.workbook', { fileName: `操作日志_${today().replace(/\./g, '')}.xlsx` }, { bulk: { entries: matched } });
  },
};
