/**
 * One attachment file on disk, all integers big-endian:
 *
 *   "CDATTACH" magic (8) | version u8 (1) | nonce (12) | AES-256-GCM ciphertext | tag (16)
 *
 * The key is HKDF-SHA-256(root key, salt = the file's id, info 'cadre-desk attachment v1'): each
 * file has its own key and its own fresh nonce. The root key is 32 random bytes drawn once per
 * vault and kept inside the encrypted vault document (VaultDocument.attachmentKey), not derived
 * from the password's scrypt key: a password change re-encrypts the document (and so the root
 * key) without touching gigabytes of scans, and a backup made under an older password still
 * reads the files it catalogues. The id and version are the AAD, so a file renamed to another
 * id, or a flipped bit anywhere, fails the tag.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/contract/define.js';

const MAGIC = Buffer.from('CDATTACH', 'ascii');
const VERSION = 1;
const NONCE = 12;
const TAG = 16;
const HEAD = MAGIC.length + 1 + NONCE;
const INFO = 'cadre-desk attachment v1';

export const newRootKey = (): string => randomBytes(32).toString('base64');

/** Random ids: 128 bits, hex, so a file's name says nothing about the person or the paper. */
export const newAttachmentId = (): string => randomBytes(16).toString('hex');
export const ATTACHMENT_ID = /^[0-9a-f]{32}$/;

function fileKey(rootKey: string, id: string): Buffer {
  const root = Buffer.from(rootKey, 'base64');
  if (root.length !== 32) throw new AppError('DAMAGED', '档案库中的附件密钥已损坏');
  return Buffer.from(hkdfSync('sha256', root, Buffer.from(id, 'utf8'), INFO, 32));
}

function aad(id: string): Buffer {
  return Buffer.concat([MAGIC, Buffer.from([VERSION]), Buffer.from(id, 'utf8')]);
}

/** The encrypted file as parts for a vectored write (no second copy of a 50 MB scan). */
export function encryptAttachment(plain: Buffer, rootKey: string, id: string): Buffer[] {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', fileKey(rootKey, id), nonce, { authTagLength: TAG });
  cipher.setAAD(aad(id));
  const body = cipher.update(plain);
  const final = cipher.final();
  return [MAGIC, Buffer.from([VERSION]), nonce, body, final, cipher.getAuthTag()];
}

/** Throws DAMAGED (with no name: the caller knows whose file it is) unless the tag matches. */
export function decryptAttachment(file: Buffer, rootKey: string, id: string): Buffer {
  if (file.length < HEAD + TAG || !file.subarray(0, MAGIC.length).equals(MAGIC) || file[MAGIC.length] !== VERSION) {
    throw new AppError('DAMAGED', '附件文件已损坏（文件头无法识别或文件被截断）');
  }
  const nonce = file.subarray(MAGIC.length + 1, HEAD);
  const tag = file.subarray(file.length - TAG);
  try {
    const d = createDecipheriv('aes-256-gcm', fileKey(rootKey, id), nonce, { authTagLength: TAG });
    d.setAAD(aad(id));
    d.setAuthTag(tag);
    const plain = d.update(file.subarray(HEAD, file.length - TAG));
    d.final();
    return plain;
  } catch {
    throw new AppError('DAMAGED', '附件文件已损坏（校验失败：内容被改动或截断）');
  }
}
