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
  /** The 跨村任职 任用材料 of one candidate as a Word document (cover, 审批表, 资格审查, 比较表, 决定记录). */
  'docx.dossier': method<WordFile>()(z.object({ candidateId: id, font })),
  /** The 考察材料 of one candidate, written from the record on its 考察 step. */
  'docx.inspection': method<WordFile>()(z.object({ candidateId: id, font })),
};

/** One field whose value in the file differs from the stored 档案 (as the form prints it). */
export interface DocxDifference {
  field: string;
  stored: string;
  file: string;
}

/** How one .docx 审批表 would come in: which 档案 it matches and what would change. */
export interface DocxImportItem {
  file: string;
  /**
   * matched: one 档案 with this 姓名 + 出生年月, with differences to apply; same: matched, nothing
   * differs; new: nobody matches (a 身份证号码 must be typed in); ambiguous: several match (choose);
   * refused: the file cannot be read.
   */
  status: 'matched' | 'same' | 'new' | 'ambiguous' | 'refused';
  name?: string;
  birth?: string;
  cadreId?: string;
  candidates?: { id: string; name: string; idNumber: string; post: string }[];
  differences: DocxDifference[];
  /** Parts of the form that were there but could not be read (left as they are on file). */
  unreadable: string[];
  warnings: string[];
  message: string;
}

const wordFiles = z.array(z.object({ fileName: z.string().min(1).max(260), base64: z.string() })).min(1, '请选择 Word 审批表文件').max(200, '一次最多导入 200 个 Word 文件');

export const docxImportContract = {
  /** Reads each .docx 审批表 and shows what it would change; nothing is saved. */
  'docx.importPreview': method<{ items: DocxImportItem[] }>()(z.object({ files: wordFiles })),
  /**
   * Saves what the preview showed, as one 导入批次: each file with the choice made for it — the
   * 档案 to update (needed when ambiguous) or the 身份证号码 of a new person. Files are read again here.
   */
  'docx.import': method<{ batchId?: string; items: DocxImportItem[] }>()(
    z.object({
      files: z
        .array(
          z.object({
            fileName: z.string().min(1).max(260),
            base64: z.string(),
            cadreId: z.string().min(1).optional(),
            idNumber: z.string().trim().max(18).optional(),
            /** A file holding several people's 审批表: the choice for each, by the preview's item name. */
            choices: z.array(z.object({ item: z.string().min(1), cadreId: z.string().min(1).optional(), idNumber: z.string().trim().max(18).optional() })).max(500).optional(),
          }),
        )
        .min(1, '请选择 Word 审批表文件')
        .max(200, '一次最多导入 200 个 Word 文件'),
    }),
  ),
};
