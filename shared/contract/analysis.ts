import { z } from 'zod';
import { method } from './define.js';
import { TOWN_CODES } from '../domain/towns.js';
import type { StructureReport } from '../rules/structure.js';

/** "2026.06.01" or "2026.06"; one regex so the message is ours, not zod's union "Invalid input". */
const refDateSchema = z.string().regex(/^\d{4}\.(0[1-9]|1[0-2])(\.(0[1-9]|[12]\d|3[01]))?$/, '参考日期应写成 2026.06.01 的形式');

const scopeSchema = z.object({
  townCode: z.enum(TOWN_CODES, { message: '请选择镇街' }).optional(),
  refDate: refDateSchema.optional(),
});

export const analysisContract = {
  /** 结构分析 per 镇街 and district-wide; refDate defaults to today. */
  'analysis.structure': method<StructureReport>()(scopeSchema),
  /** The same analysis as an .xlsx (sheet 汇总) for pasting into a 报告. */
  'analysis.exportXlsx': method<{ fileName: string; base64: string }>()(scopeSchema),
};
