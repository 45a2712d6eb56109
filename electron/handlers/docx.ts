/** Word (.docx) documents: the 干部任免审批表 for one cadre or a selection. */
import { docxContract, docxImportContract } from '../../shared/contract/docx.js';
import { commitBatch } from '../importer/batch.js';
import { planDocxImport } from '../docx/importRmb.js';
import { dossierDocx } from '../docx/dossierDocx.js';
import { inspectionDocx } from '../docx/inspectionDocx.js';
import { dossierData } from '../print/dossierData.js';
import { today } from '../../shared/rules/dates.js';
import { bareName } from '../print/rmbData.js';
import { rmbDocx } from '../docx/rmbDocx.js';
import { cadresFor } from './print.js';
import type { HandlersFor } from './types.js';

export const docxHandlers: HandlersFor<typeof docxContract & typeof docxImportContract> = {
  'docx.rmb': async ({ ids, refDate, font }, app) => {
    const doc = app.requireSession().doc;
    const cadres = cadresFor(doc, ids);
    const r = await rmbDocx(cadres, { refDate: refDate || today(), familyColumn: doc.settings.familyColumn, font });
    const who = cadres.length === 1 ? bareName(cadres[0].name) : `${cadres.length}人`;
    return { fileName: `干部任免审批表-${who}_${today().replace(/\./g, '')}.docx`, base64: r.bytes.toString('base64'), count: cadres.length, warnings: r.warnings };
  },

  'docx.dossier': async ({ candidateId, font }, app) => {
    const s = app.requireSession();
    const d = dossierData(s.doc, candidateId, s.operator);
    const r = await dossierDocx(d, font);
    return { fileName: `跨村任职人选任用材料-${bareName(d.cadre.name)}_${today().replace(/\./g, '')}.docx`, base64: r.bytes.toString('base64'), count: 1, warnings: r.warnings };
  },

  'docx.inspection': async ({ candidateId, font }, app) => {
    const s = app.requireSession();
    const d = dossierData(s.doc, candidateId, s.operator);
    const bytes = await inspectionDocx(d, font);
    return { fileName: `考察材料-${bareName(d.cadre.name)}_${today().replace(/\./g, '')}.docx`, base64: bytes.toString('base64'), count: 1, warnings: [] };
  },

  'docx.importPreview': ({ files }, app) => {
    const s = app.requireSession();
    return { items: planDocxImport(files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.base64, 'base64') })), s.doc.cadres).items };
  },

  'docx.import': async ({ files }, app) => {
    const s = app.requireSession();
    const plan = planDocxImport(
      files.map((f) => ({
        fileName: f.fileName,
        bytes: Buffer.from(f.base64, 'base64'),
        cadreId: f.cadreId,
        idNumber: f.idNumber || undefined,
        choices: new Map((f.choices ?? []).map((c) => [c.item, { cadreId: c.cadreId, idNumber: c.idNumber || undefined }])),
      })),
      s.doc.cadres,
    );
    if (plan.create.length + plan.update.length === 0) return { items: plan.items };
    const fileName = files.length === 1 ? files[0].fileName : `${files[0].fileName} 等 ${files.length} 个文件`;
    const r = await commitBatch(s, { fileName, kind: 'lrmx', create: plan.create, update: plan.update });
    // The preview's "将更新…" becomes what was done.
    const items = plan.items.map((i) =>
      i.status === 'matched' ? { ...i, message: i.message.replace(/^将更新/, '已更新') } : i.status === 'new' && i.message === '新建档案' ? { ...i, message: '已新建档案' } : i,
    );
    return { batchId: r.batchId, items };
  },
};
