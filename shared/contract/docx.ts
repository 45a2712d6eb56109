import { z } from 'zod';
import { method } from './define.js';
import { daySchema, yearMonthSchema } from '../domain/common.js';
import type { PrintWarning } from './print.js';

/** The body font of the Word 审批表: the official 宋体, or the 仿宋_GB2312 many 组织部门 templates use. */
export const DOCX_FONTS = ['宋体', '仿宋_GB2312'] as const;
export type DocxFont = (typeof DOCX_FONTS)[number];

export interface WordFile {
  fileName: string;
  base64: string;
  /** Cadres in the document. */
  count: number;
  warnings: PrintWarning[];
}

const id = z.string().min(1);
const font = z.enum(DOCX_FONTS, { message: `字体应为 ${DOCX_FONTS.join('、')} 之一` }).default('宋体');

export const docxContract = {
  /** 干部任免审批表 as one Word document (each person starting on a new page), editable in Word and WPS. */
  'docx.rmb': method<WordFile>()(
    z.object({
      ids: z.array(id).min(1, '请至少选择 1 名干部').max(500, '一次最多导出 500 份审批表'),
      /** 计算年龄时间; empty = today. */
      refDate: z.union([yearMonthSchema, daySchema, z.literal('')]).default(''),
      font,
    }),
  ),
};
