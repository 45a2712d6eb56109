import { z } from 'zod';
import { method } from './define.js';
import { attachmentMetaSchema, type Attachment, type AttachmentMime, type Rotation } from '../domain/attachment.js';

const id = z.string().min(1).max(64);

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
