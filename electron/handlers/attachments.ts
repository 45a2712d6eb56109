import { attachmentContract } from '../../shared/contract/attachment.js';
import { extname } from 'node:path';
import { liveAttachments, type AttachmentMime } from '../../shared/domain/attachment.js';
import { addAttachment, catalogueBytes, readAttachment, rotateAttachment, setAttachmentDeleted, updateAttachmentMeta } from '../attachments/catalogue.js';
import type { HandlersFor } from './types.js';

const MB = 1024 * 1024;

const EXT: Record<AttachmentMime, string[]> = { 'application/pdf': ['.pdf'], 'image/jpeg': ['.jpg', '.jpeg'], 'image/png': ['.png'], 'image/tiff': ['.tif', '.tiff'] };

/** The name it was added under, with the extension its content calls for (a PNG saved as .jpg is saved as .png). */
function downloadName(fileName: string, mime: AttachmentMime): string {
  const ext = extname(fileName).toLowerCase();
  return EXT[mime].includes(ext) ? fileName : `${fileName.slice(0, fileName.length - ext.length) || '附件'}${EXT[mime][0]}`;
}

export const attachmentHandlers: HandlersFor<typeof attachmentContract> = {
  'attachment.list': ({ cadreId }, app) => {
    const doc = app.requireSession().doc;
    const mine = (doc.attachments ?? []).filter((a) => a.cadreId === cadreId);
    return {
      items: liveAttachments(mine),
      trash: mine.filter((a) => a.deletedAt).sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '')),
      maxFileBytes: doc.settings.attachmentMaxFileMB * MB,
      maxTotalBytes: doc.settings.attachmentMaxTotalMB * MB,
      usedBytes: catalogueBytes(doc),
    };
  },
  'attachment.add': async ({ cadreId, fileName, base64, meta }, app) => {
    const entry = await addAttachment(app.requireSession(), { cadreId, fileName, bytes: Buffer.from(base64, 'base64'), meta });
    app.emit({ type: 'changed', entity: 'attachments' });
    return entry;
  },
  'attachment.update': ({ id, meta }, app) => updateAttachmentMeta(app.requireSession(), id, meta),
  'attachment.rotate': ({ id, turn }, app) => rotateAttachment(app.requireSession(), id, turn),
  'attachment.delete': ({ id }, app) => setAttachmentDeleted(app.requireSession(), id, true),
  'attachment.restore': ({ id }, app) => setAttachmentDeleted(app.requireSession(), id, false),
  'attachment.content': ({ id }, app) => {
    const { entry, bytes } = readAttachment(app.requireSession(), id);
    return { fileName: downloadName(entry.fileName, entry.mime), mime: entry.mime, rotation: entry.rotation, base64: bytes.toString('base64') };
  },
};
