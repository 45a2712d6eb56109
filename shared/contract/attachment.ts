import { z } from 'zod';
import { method } from './define.js';
import { attachmentMetaSchema, type Attachment, type AttachmentMime, type Rotation } from '../domain/attachment.js';

const id = z.string().min(1).max(64);

/** A crop box in the source photo's pixels. */
export interface PhotoCrop {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PhotoCandidateRow {
  id: string;
  name: string;
  idNumber: string;
  hasPhoto: boolean;
}

/** One file of a 批量照片 preview. */
export interface PhotoPreviewItem {
  key: string;
  fileName: string;
  status: 'matched' | 'ambiguous' | 'unmatched' | 'refused';
  message?: string;
  cadre?: PhotoCandidateRow;
  by?: '身份证号' | '姓名';
  candidates?: PhotoCandidateRow[];
  width?: number;
  height?: number;
  mime?: 'image/jpeg' | 'image/png';
  /** The default 3:4 crop (centred across, held at the top). */
  crop?: PhotoCrop;
}

export interface PhotoPreview {
  previewId: string;
  source: string;
  items: PhotoPreviewItem[];
  counts: { matched: number; ambiguous: number; unmatched: number; refused: number };
}

const cropSchema = z.object({ x: z.number().min(0), y: z.number().min(0), width: z.number().positive(), height: z.number().positive() });
export const photoChoiceSchema = z.object({ key: z.string().min(1).max(20), cadreId: id, crop: cropSchema.optional() });
export type PhotoChoice = z.output<typeof photoChoiceSchema>;

export interface AttachmentList {
  items: Attachment[];
  /** This cadre's attachments in the 回收站, newest removal first. */
  trash: Attachment[];
  /** Caps from 设置 and what all attachments of the vault take now, for the add form. */
  maxFileBytes: number;
  maxTotalBytes: number;
  usedBytes: number;
}

export const attachmentContract = {
  'attachment.list': method<AttachmentList>()(z.object({ cadreId: id })),
  /** One file, as base64 (the browser bridge carries at most 150 MB a call; the per-file cap stays below). */
  'attachment.add': method<Attachment>()(
    z.object({
      cadreId: id,
      fileName: z.string().trim().min(1, '缺少文件名').max(260, '文件名过长'),
      base64: z.string().min(1, '请选择文件').max(140 * 1024 * 1024, '文件过大'),
      meta: attachmentMetaSchema,
    }),
  ),
  'attachment.update': method<Attachment>()(z.object({ id, meta: attachmentMetaSchema })),
  'attachment.rotate': method<Attachment>()(z.object({ id, turn: z.enum(['left', 'right']) })),
  /** To the 回收站; `attachment.restore` brings it back. */
  'attachment.delete': method<Attachment>()(z.object({ id })),
  'attachment.restore': method<Attachment>()(z.object({ id })),
  /** The decrypted file, for viewing in the app or saving a copy. */
  'attachment.content': method<{ fileName: string; mime: AttachmentMime; rotation: Rotation; base64: string }>()(z.object({ id })),
};

export const photosContract = {
  /** 批量照片: files of a folder, or zips; nothing saved. The accepted files wait on the privileged side for `photos.commit`. */
  'photos.preview': method<PhotoPreview>()(
    z.object({
      source: z.string().trim().min(1).max(260),
      files: z.array(z.object({ fileName: z.string().min(1).max(400), base64: z.string() })).min(1, '请选择照片文件或压缩包').max(5000, '一次最多 5000 个文件'),
    }),
  ),
  /** One file of the pending preview, for the crop editor. */
  'photos.image': method<{ base64: string; mime: string }>()(z.object({ previewId: id, key: z.string().min(1).max(20) })),
  /** Crops, compresses and saves the chosen photos as one batch (undo in 导入导出). */
  'photos.commit': method<{ saved: number; batchId: string }>()(z.object({ previewId: id, choices: z.array(photoChoiceSchema).max(5000) })),
};
