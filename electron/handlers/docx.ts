/** Word (.docx) documents: the 干部任免审批表 for one cadre or a selection. */
import { docxContract } from '../../shared/contract/docx.js';
import { today } from '../../shared/rules/dates.js';
import { bareName } from '../print/rmbData.js';
import { rmbDocx } from '../docx/rmbDocx.js';
import { cadresFor } from './print.js';
import type { HandlersFor } from './types.js';

export const docxHandlers: HandlersFor<typeof docxContract> = {
  'docx.rmb': async ({ ids, refDate, font }, app) => {
    const doc = app.requireSession().doc;
    const cadres = cadresFor(doc, ids);
    const r = await rmbDocx(cadres, { refDate: refDate || today(), familyColumn: doc.settings.familyColumn, font });
    const who = cadres.length === 1 ? bareName(cadres[0].name) : `${cadres.length}人`;
    return { fileName: `干部任免审批表-${who}_${today().replace(/\./g, '')}.docx`, base64: r.bytes.toString('base64'), count: cadres.length, warnings: r.warnings };
  },
};
