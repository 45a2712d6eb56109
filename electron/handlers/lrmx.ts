import type { LrmxFileReport } from '../../shared/contract/import.js';
import { lrmxContract } from '../../shared/contract/lrmx.js';
import { AppError } from '../../shared/contract/define.js';
import { commitBatch } from '../importer/batch.js';
import { today } from '../../shared/rules/dates.js';
import { cadresForExport } from '../lrmx/exportMany.js';
import { withJob } from './job.js';
import { serializeLrmx } from '../lrmx/lrmx.js';
import { findRecord } from './records.js';
import type { HandlersFor } from './types.js';

export const lrmxHandlers: HandlersFor<typeof lrmxContract> = {
  'lrmx.import': async ({ files, existing, job }, app) => {
    const s = app.requireSession();
    const bytes = files.map((f) => ({ fileName: f.fileName, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }));
    // Reading and checking runs in a worker (cancellable); the commit that follows does not.
    const plan = await withJob(app, job, ({ run }) =>
      run('lrmx.read', { files: bytes, existing }, { bulk: { cadres: s.doc.cadres }, transfer: bytes.map((f) => f.bytes.buffer) }),
    );
    const reports: LrmxFileReport[] = plan.reports;
    const skipped = plan.skipped.length ? plan.skipped : undefined;
    if (plan.create.length + plan.update.length === 0) return { reports, skipped };
    const fileName = files.length === 1 ? files[0].fileName : `${files[0].fileName} 等 ${files.length} 个文件`;
    const r = await commitBatch(s, { fileName, kind: 'lrmx', create: plan.create, update: plan.update });
    return { batchId: r.batchId, reports, skipped };
  },

  'lrmx.export': ({ id }, app) => {
    const c = findRecord(app.requireSession().doc.cadres, id, '干部档案');
    if (c.deletedAt) throw new AppError('CONFLICT', '该档案在回收站中，请先恢复');
    return { fileName: `${c.name}_任免审批表.lrmx`, base64: serializeLrmx(c).toString('base64') };
  },

  'lrmx.exportMany': async ({ ids, job }, app) => {
    const s = app.requireSession();
    const cadres = cadresForExport(s.doc.cadres, ids);
    const demo = (s.doc.meta.demo ?? false) || cadres.some((c) => c.demo);
    const zip = await withJob(app, job, ({ run }) => run('lrmx.zip', { date: today(), demo }, { bulk: { cadres, villages: s.doc.villages } }));
    // Personal files leaving the vault in bulk are recorded. A read-only window (the vault is open
    // elsewhere) cannot write the trail; refusing there would block an ordinary hand-over, so it
    // exports unrecorded (the Excel 花名册 export, for comparison, records nothing anywhere).
    if (!s.vault.readOnly) {
      await s.mutate((_doc, audit) =>
        audit({
          action: 'lrmx.exportMany',
          entity: 'cadres',
          recordId: '',
          summary: `批量导出任免审批表 ${cadres.length} 人：“${zip.fileName}”`,
          after: { fileName: zip.fileName, ids: cadres.map((c) => c.id) },
        }),
      );
    }
    return zip;
  },
};
