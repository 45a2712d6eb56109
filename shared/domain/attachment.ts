import { z } from 'zod';

/**
 * 附件: a scanned document or image kept for one cadre (一人一档). The file itself is encrypted
 * in `<vault>.files/` under a random id (electron/attachments/); the vault document holds only
 * this catalogue entry, so unlocking never touches the files.
 */

/** The 干部人事档案 material catalogue (the ten 类); users may also type their own. */
export const ATTACHMENT_CATEGORIES = ['履历材料', '自传和思想材料', '考核鉴定', '学历学位职称', '政审材料', '党团材料', '奖励材料', '处分材料', '工资任免出国', '其他'] as const;

/** The kinds of file accepted, recognised by their first bytes (never by the name's extension). */
export const ATTACHMENT_MIME = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIME)[number];

export const ATTACHMENT_KIND_LABEL: Record<AttachmentMime, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'image/tiff': 'TIFF 图片',
};

export type Rotation = 0 | 90 | 180 | 270;

export interface Attachment {
  /** Random id; also the encrypted file's name in `<vault>.files/`. Says nothing about the content. */
  id: string;
  cadreId: string;
  /** 材料类别: one of ATTACHMENT_CATEGORIES or free text. */
  category: string;
  /** 材料名称 */
  title: string;
  /** 形成日期: 2023.04.10 or 2023.04 */
  formedOn?: string;
  /** 页数 (counted for PDFs, 1 for an image unless the user says otherwise). */
  pages: number;
  mime: AttachmentMime;
  /** The name the file had when added, for a downloaded copy. */
  fileName: string;
  /** Plaintext bytes. */
  size: number;
  /** SHA-256 of the plaintext, hex: verify compares it after decrypting. */
  sha256: string;
  /** Quarter turns applied when an image is shown or printed (the stored file is never re-encoded). */
  rotation: Rotation;
  addedBy: string;
  addedAt: string;
  updatedAt: string;
  /** Set when moved to 回收站; the file stays until the entry is removed for good. */
  deletedAt?: string;
  demo?: boolean;
}

const looseDate = z.string().regex(/^\d{4}\.(0[1-9]|1[0-2])(\.(0[1-9]|[12]\d|3[01]))?$/, '形成日期应写成 2023.04.10 或 2023.04 的形式');

/** What the user says about a file when adding it (or later). */
export const attachmentMetaSchema = z.object({
  category: z.string().trim().min(1, '请选择或填写材料类别').max(30, '材料类别不超过 30 个字'),
  title: z.string().trim().min(1, '请填写材料名称').max(100, '材料名称不超过 100 个字'),
  formedOn: z.union([looseDate, z.literal('')]).optional().transform((v) => v || undefined),
  pages: z.number().int().min(1, '页数至少为 1').max(10_000, '页数过大').optional(),
});
export type AttachmentMeta = { category: string; title: string; formedOn?: string; pages?: number };

export function liveAttachments(list: readonly Attachment[], cadreId?: string): Attachment[] {
  return list.filter((a) => !a.deletedAt && (cadreId === undefined || a.cadreId === cadreId));
}

export function mbText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
