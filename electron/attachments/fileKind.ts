import { AppError } from '../../shared/contract/define.js';
import type { AttachmentMime } from '../../shared/domain/attachment.js';

/**
 * What a file is, from its first bytes. The name's extension is not trusted: a renamed .exe or
 * .docx is refused, a scan saved as ".jpg" that is really a PNG is kept as a PNG.
 */
export function sniffAttachment(bytes: Buffer): AttachmentMime | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 4 && (bytes.subarray(0, 4).equals(Buffer.from([0x49, 0x49, 0x2a, 0x00])) || bytes.subarray(0, 4).equals(Buffer.from([0x4d, 0x4d, 0x00, 0x2a])))) return 'image/tiff';
  return null;
}

export function requireAttachmentKind(bytes: Buffer, fileName: string): AttachmentMime {
  const kind = sniffAttachment(bytes);
  if (!kind) {
    throw new AppError('INVALID', `“${fileName}”不是 PDF、JPEG、PNG 或 TIFF 文件（按文件内容判断，与扩展名无关），不能作为附件`, { file: fileName });
  }
  return kind;
}

/**
 * Pages of a PDF, counted from its page objects without rendering it (the privileged side has
 * no PDF engine to spare for this). A compressed object stream hides them: then 1, which the
 * user corrects in the form.
 */
export function countPdfPages(bytes: Buffer): number {
  const text = bytes.toString('latin1');
  const m = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g);
  return Math.max(1, m?.length ?? 0);
}
