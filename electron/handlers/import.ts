import { AppError } from '../../shared/contract/define.js';
import { importContract } from '../../shared/contract/import.js';
import { commitBatch, undoBatch } from '../importer/batch.js';
import { commitVillages } from '../importer/villageRosterCommit.js';
import { runJob } from './job.js';
import type { HandlersFor } from './types.js';

/** base64 of up to 30 MB of file (the bridge caps the request at 64 MB). */
export function fromBase64(base64: string, fileName: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new AppError('INVALID', `“${fileName}”是空文件`);
  return bytes;
}

export const importHandlers: HandlersFor<typeof importContract> = {
  'import.preview': ({ fileName, base64, sheet, mapping, template, job }, app) => {
    const doc = app.requireSession().doc;
    let map = mapping;
    if (template) {
      const t = doc.importTemplates.find((x) => x.name === template);
      if (!t) throw new AppError('NOT_FOUND', `找不到导入模板“${template}”`);
      map = { ...t.mapping, ...(mapping ?? {}) };
    }
    const bytes = new Uint8Array(fromBase64(base64, fileName));
    return runJob(app, job, 'import.preview', { bytes, fileName, opts: { sheet, mapping: map } }, {
      bulk: { villages: doc.villages, cadres: doc.cadres },
      transfer: [bytes.buffer],
    });
  },

  'import.commit': ({ fileName, create, update }, app) =>
    commitBatch(app.requireSession(), { fileName, kind: 'xlsx', create, update }),

  'import.undo': ({ batchId }, app) => undoBatch(app.requireSession(), batchId),

  'import.batches': (_i, app) =>
    app
      .requireSession()
      .doc.importBatches.map(({ replaced, replacedVillages, ...b }) => ({ ...b, replacedCount: replaced.length + (replacedVillages?.length ?? 0) }))
      .reverse(),

  'import.villagePreview': ({ fileName, base64, sheet, mapping, job }, app) => {
    const villages = app.requireSession().doc.villages;
    const bytes = new Uint8Array(fromBase64(base64, fileName));
    return runJob(app, job, 'import.villagePreview', { bytes, fileName, opts: { sheet, mapping } }, { bulk: { villages }, transfer: [bytes.buffer] });
  },

  'import.villageCommit': (input, app) => commitVillages(app.requireSession(), input),

  'import.templates': (_i, app) => app.requireSession().doc.importTemplates,

  'import.saveTemplate': async ({ name, mapping }, app) => {
    const s = app.requireSession();
    const template = { name, mapping };
    await s.mutate((doc, audit) => {
      const i = doc.importTemplates.findIndex((t) => t.name === name);
      if (i >= 0) doc.importTemplates[i] = template;
      else doc.importTemplates.push(template);
      audit({ action: 'importTemplates.save', entity: 'importTemplates', recordId: name, summary: `保存导入模板“${name}”`, after: mapping });
    });
    return template;
  },
};
