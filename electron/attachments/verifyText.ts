import { createHash } from 'node:crypto';
import type { VaultDocument } from '../../shared/domain/document.js';
import { checkAttachmentFiles, type AttachmentProblem } from './fileStore.js';

export const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

const WHAT: Record<AttachmentProblem['problem'], string> = {
  missing: '文件不见了',
  damaged: '已损坏（校验失败）',
  changed: '内容与登记的校验值不符',
};

/** One line per problem, naming the person and the 材料名称 as an official knows them. */
export function attachmentProblemText(doc: Pick<VaultDocument, 'cadres'>, p: AttachmentProblem): string {
  const c = doc.cadres.find((x) => x.id === p.cadreId);
  const who = c ? `${c.name}${c.idNumber ? `（${c.idNumber.slice(0, 6)}…${c.idNumber.slice(-4)}）` : ''}` : '（档案中已无此人）';
  return `附件 ${who}“${p.title}”${WHAT[p.problem]}`;
}

export interface AttachmentVerifyReport {
  checked: number;
  bytes: number;
  problems: Array<AttachmentProblem & { message: string }>;
}

/** verify's attachment half: every catalogued file, in the 回收站 too (it can still be restored). */
export function verifyAttachments(vaultPath: string, doc: VaultDocument, onProgress?: (done: number, total: number) => void): AttachmentVerifyReport {
  const r = checkAttachmentFiles(vaultPath, doc.attachments ?? [], doc.attachmentKey, sha256Hex, onProgress);
  return { checked: r.checked, bytes: r.bytes, problems: r.problems.map((p) => ({ ...p, message: attachmentProblemText(doc, p) })) };
}
