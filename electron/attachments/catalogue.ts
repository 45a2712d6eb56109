/**
 * Adding, changing and removing 附件: each one audited change, saved once. The encrypted file
 * is written (and fsynced) inside the change, before the catalogue that names it is saved; if
 * that save fails the file is removed again, and if the process dies in between, the unnamed
 * file is moved out on the next open (fileStore.settleAttachmentFiles). So the catalogue never
 * names a file that is not on disk.
 */
import { AppError } from '../../shared/contract/define.js';
import { type Attachment, type AttachmentMeta, type Rotation, ATTACHMENT_KIND_LABEL, mbText } from '../../shared/domain/attachment.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { nowIso, type Session } from '../store/session.js';
import { newAttachmentId, newRootKey } from './fileCrypto.js';
import { countPdfPages, requireAttachmentKind } from './fileKind.js';
import { deleteAttachmentFile, readAttachmentFile, writeAttachmentFile } from './fileStore.js';
import { sha256Hex } from './verifyText.js';

const MB = 1024 * 1024;

/** Bytes all catalogued files take (the 回收站 included: their files are still kept). */
export const catalogueBytes = (doc: Pick<VaultDocument, 'attachments'>): number => (doc.attachments ?? []).reduce((n, a) => n + a.size, 0);

/** The 设置 caps, checked before anything is written. */
export function checkSizeCaps(doc: VaultDocument, fileName: string, size: number, adding = 0): void {
  const { attachmentMaxFileMB: perFile, attachmentMaxTotalMB: total } = doc.settings;
  if (size > perFile * MB) {
    throw new AppError('INVALID', `“${fileName}”有 ${mbText(size)}，超过单个附件上限 ${perFile} MB（可在“设置”中调整）`, { file: fileName });
  }
  const used = catalogueBytes(doc) + adding;
  if (used + size > total * MB) {
    throw new AppError('INVALID', `附件总量将超过上限 ${total} MB（已用 ${mbText(used)}，“${fileName}”有 ${mbText(size)}；可在“设置”中调整）`, { file: fileName });
  }
}

function liveCadre(doc: VaultDocument, cadreId: string) {
  const c = doc.cadres.find((x) => x.id === cadreId);
  if (!c) throw new AppError('NOT_FOUND', '找不到该干部档案');
  if (c.deletedAt) throw new AppError('CONFLICT', `${c.name} 的档案在回收站中，请先恢复档案再添加附件`);
  return c;
}

export function findAttachment(doc: VaultDocument, id: string): Attachment {
  const a = (doc.attachments ?? []).find((x) => x.id === id);
  if (!a) throw new AppError('NOT_FOUND', '找不到该附件（可能已被删除）');
  return a;
}

export interface NewAttachment {
  cadreId: string;
  fileName: string;
  bytes: Buffer;
  meta: AttachmentMeta;
}

/** Adds one file for one cadre: the file first, then the catalogue entry, in one audited save. */
export async function addAttachment(s: Session, input: NewAttachment): Promise<Attachment> {
  const mime = requireAttachmentKind(input.bytes, input.fileName);
  liveCadre(s.doc, input.cadreId);
  checkSizeCaps(s.doc, input.fileName, input.bytes.length);
  const id = newAttachmentId();
  let written = false;
  try {
    return await s.mutate((doc, audit) => {
      const cadre = liveCadre(doc, input.cadreId);
      checkSizeCaps(doc, input.fileName, input.bytes.length); // again: another add may have landed meanwhile
      // Drawn inside the queued change, so two adds at once cannot each draw their own.
      if (!doc.attachmentKey) doc.attachmentKey = newRootKey();
      writeAttachmentFile(s.vault.path, id, input.bytes, doc.attachmentKey);
      written = true;
      const at = nowIso();
      const entry: Attachment = {
        id,
        cadreId: input.cadreId,
        category: input.meta.category,
        title: input.meta.title,
        ...(input.meta.formedOn ? { formedOn: input.meta.formedOn } : {}),
        pages: input.meta.pages ?? (mime === 'application/pdf' ? countPdfPages(input.bytes) : 1),
        mime,
        fileName: input.fileName,
        size: input.bytes.length,
        sha256: sha256Hex(input.bytes),
        rotation: 0,
        addedBy: s.operator,
        addedAt: at,
        updatedAt: at,
      };
      doc.attachments.push(entry);
      audit({
        action: 'attachments.create',
        entity: 'attachments',
        recordId: id,
        summary: `为 ${cadre.name} 添加附件“${entry.title}”（${entry.category}，${ATTACHMENT_KIND_LABEL[mime]}，${mbText(entry.size)}）`,
        after: entry,
      });
      return entry;
    });
  } catch (e) {
    // The catalogue was rolled back; the file it would have named goes too (unless the save did
    // land and only its folder sync failed: then the reloaded catalogue names it).
    if (written && !s.doc.attachments.some((a) => a.id === id)) deleteAttachmentFile(s.vault.path, id);
    throw e;
  }
}

function nameOf(doc: VaultDocument, a: Attachment): string {
  return doc.cadres.find((c) => c.id === a.cadreId)?.name ?? '（已无此人）';
}

/** Moves to the 回收站 (deleted) or back (restored); the file itself stays either way. */
export function setAttachmentDeleted(s: Session, id: string, deleted: boolean): Promise<Attachment> {
  return s.mutate((doc, audit) => {
    const a = findAttachment(doc, id);
    if (!!a.deletedAt === deleted) return a;
    if (!deleted) liveCadre(doc, a.cadreId);
    const before = { ...a };
    const at = nowIso();
    if (deleted) a.deletedAt = at;
    else delete a.deletedAt;
    a.updatedAt = at;
    audit({
      action: `attachments.${deleted ? 'delete' : 'restore'}`,
      entity: 'attachments',
      recordId: id,
      summary: `${deleted ? '将' : '从回收站恢复'} ${nameOf(doc, a)} 的附件“${a.title}”${deleted ? '移入回收站' : ''}`,
      before,
      after: { ...a },
    });
    return a;
  });
}

export function updateAttachmentMeta(s: Session, id: string, meta: AttachmentMeta): Promise<Attachment> {
  return s.mutate((doc, audit) => {
    const a = findAttachment(doc, id);
    const before = { ...a };
    a.category = meta.category;
    a.title = meta.title;
    if (meta.formedOn) a.formedOn = meta.formedOn;
    else delete a.formedOn;
    if (meta.pages) a.pages = meta.pages;
    a.updatedAt = nowIso();
    audit({ action: 'attachments.update', entity: 'attachments', recordId: id, summary: `修改 ${nameOf(doc, a)} 的附件“${a.title}”的登记信息`, before, after: { ...a } });
    return a;
  });
}

/** A quarter turn, kept as metadata: the scan on disk is never re-encoded (no loss, no new file). */
export function rotateAttachment(s: Session, id: string, turn: 'left' | 'right'): Promise<Attachment> {
  return s.mutate((doc, audit) => {
    const a = findAttachment(doc, id);
    if (a.mime === 'application/pdf') throw new AppError('INVALID', 'PDF 附件不能旋转，只能旋转图片');
    const before = { ...a };
    a.rotation = (((a.rotation + (turn === 'right' ? 90 : 270)) % 360) as Rotation);
    a.updatedAt = nowIso();
    audit({ action: 'attachments.update', entity: 'attachments', recordId: id, summary: `${turn === 'right' ? '向右' : '向左'}旋转 ${nameOf(doc, a)} 的附件“${a.title}”`, before, after: { ...a } });
    return a;
  });
}

/** The decrypted file, checked against the catalogued hash. */
export function readAttachment(s: Session, id: string): { entry: Attachment; bytes: Buffer } {
  const entry = findAttachment(s.doc, id);
  let bytes: Buffer;
  try {
    bytes = readAttachmentFile(s.vault.path, entry, s.doc.attachmentKey);
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.code, `${nameOf(s.doc, entry)} 的附件“${entry.title}”：${e.message}`);
    throw e;
  }
  if (sha256Hex(bytes) !== entry.sha256) throw new AppError('DAMAGED', `${nameOf(s.doc, entry)} 的附件“${entry.title}”内容与登记的校验值不符，请从备份恢复`);
  return { entry, bytes };
}
