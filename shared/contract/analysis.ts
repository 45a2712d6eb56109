import { z } from 'zod';
import { method } from './define.js';
import { looseDateSchema } from '../domain/common.js';
import { TOWN_CODES } from '../domain/towns.js';
import type { StructureReport } from '../rules/structure.js';

export const analysisContract = {
  /** 结构分析 per 镇街 and district-wide; refDate defaults to today. */
  'analysis.structure': method<StructureReport>()(
    z.object({
      townCode: z.enum(TOWN_CODES, { message: '请选择镇街' }).optional(),
      refDate: looseDateSchema.optional(),
    }),
  ),
};
