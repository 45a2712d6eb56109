import { analysisContract } from '../../shared/contract/analysis.js';
import { today } from '../../shared/rules/dates.js';
import { analyzeStructure } from '../../shared/rules/structure.js';
import { reservePool } from '../../shared/rules/reserves.js';
import { structureWorkbook } from '../analysis/structureWorkbook.js';
import type { HandlersFor } from './types.js';

export const analysisHandlers: HandlersFor<typeof analysisContract> = {
  'analysis.structure': ({ townCode, refDate }, app) => {
    const doc = app.requireSession().doc;
    return analyzeStructure(doc.cadres, doc.villages, refDate ?? today(), townCode, reservePool(doc.reserveRecords));
  },
  'analysis.exportXlsx': ({ townCode, refDate }, app) => {
    const doc = app.requireSession().doc;
    const report = analyzeStructure(doc.cadres, doc.villages, refDate ?? today(), townCode, reservePool(doc.reserveRecords));
    const { fileName, bytes } = structureWorkbook(report, { demo: doc.meta.demo ?? false });
    return { fileName, base64: bytes.toString('base64') };
  },
};
