/**
 * The vault file format (version 3), all integers big-endian:
 *
 *   "CADREVLT" magic (8) | format version u16 | header length u32 | header JSON (utf-8)
 *   | SHA-256 of (everything before it ‖ the key-check value) (32)  ← damage, no password needed
 *   | key-check HMAC-SHA-256(checkKey, header bytes) (32)            ← tells a wrong password
 *   | AES-256-GCM ciphertext | tag (16)      ← the document, header bytes as AAD
 *
 * The digest covers the key-check value too, so a flipped bit in it reads as 文件已损坏 and
 * never as 密码错误. (Version 1 digested the header only; such files still open.)
 *
 * The plaintext is the document in its packed form (./packedDocument.ts) since version 3;
 * versions 1 and 2 held UTF-8 JSON. The frame itself did not change in 3: the number went up
 * so that a 0.1.0 build says "saved by a newer version" instead of "damaged".
 *
 * Keys: scrypt(password, kdf.salt) gives a 32-byte master key. Each save draws a fresh
 * 32-byte `saveSalt` and 12-byte nonce; HKDF-SHA-256(master, saveSalt) gives the data key
 * and the check key. So every save encrypts under a key never used before (no nonce reuse
 * is possible), while scrypt, the slow part, runs once per unlock and not on every save.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/contract/define.js';

export const MAGIC = Buffer.from('CADREVLT', 'ascii');
export const FORMAT_VERSION = 3;
/** Older frame versions this build still reads. */
const READABLE_VERSIONS = new Set([1, 2, 3]);
const PREFIX = MAGIC.length + 2 + 4;
const DIGEST = 32;
const TAG = 16;
const NONCE = 12;

export interface KdfParams {
  id: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string; // base64, 16+ bytes
}

export interface VaultHeader {
  kdf: KdfParams;
  cipher: 'aes-256-gcm';
  saveSalt: string; // base64, 32 bytes
  nonce: string; // base64, 12 bytes
  savedAt: string;
}

/**
 * Refuse weaker (downgrade) and absurd (denial of service) KDF parameters. The ceiling bounds
 * memory (128·N·r bytes) and work (N·r·p), so a crafted header cannot make an office PC
 * allocate gigabytes or spin for minutes before saying anything.
 */
export const KDF_FLOOR = { N: 2 ** 17, r: 8, p: 1 };
export const KDF_CEILING = { N: 2 ** 18, r: 16, p: 4, memoryBytes: 256 * 1024 * 1024, work: 2 ** 23 };
export const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1 };

const isPosInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;

export function checkKdf(k: KdfParams): void {
  if (typeof k !== 'object' || k === null || k.id !== 'scrypt' || !isPosInt(k.N) || !isPosInt(k.r) || !isPosInt(k.p) || (k.N & (k.N - 1)) !== 0) {
    throw new AppError('DAMAGED', '文件已损坏：密钥派生参数无法识别');
  }
  if (k.N < KDF_FLOOR.N || k.r < KDF_FLOOR.r || k.p < KDF_FLOOR.p) {
    throw new AppError('DAMAGED', '文件已损坏或被篡改：密钥派生强度低于安全下限，拒绝打开');
  }
  if (k.N > KDF_CEILING.N || k.r > KDF_CEILING.r || k.p > KDF_CEILING.p || 128 * k.N * k.r > KDF_CEILING.memoryBytes || k.N * k.r * k.p > KDF_CEILING.work) {
    throw new AppError('DAMAGED', '文件已损坏或被篡改：密钥派生参数超出上限，拒绝打开');
  }
  if (typeof k.salt !== 'string' || Buffer.from(k.salt, 'base64').length < 16) throw new AppError('DAMAGED', '文件已损坏：盐值长度不足');
}

export function newKdf(): KdfParams {
  return { id: 'scrypt', ...DEFAULT_KDF, salt: randomBytes(16).toString('base64') };
}

/** The slow step: runs in libuv's thread pool so the event loop stays free. */
export function deriveMasterKey(password: string, kdf: KdfParams): Promise<Buffer> {
  checkKdf(kdf);
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 128 * kdf.N * kdf.r + 16 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

function subkeys(master: Buffer, saveSalt: Buffer): { dataKey: Buffer; checkKey: Buffer } {
  const okm = Buffer.from(hkdfSync('sha256', master, saveSalt, 'cadre-desk vault v1', 64));
  return { dataKey: okm.subarray(0, 32), checkKey: okm.subarray(32, 64) };
}

/** Plaintext is encrypted in slices of this size, so no second document-sized buffer is ever built. */
const SLICE = 8 * 1024 * 1024;

/** Feeds the cipher a slice at a time, so its output comes back as slices too. */
function encryptSlices(cipher: { update(data: Buffer): Buffer }, plaintext: Buffer, slice: number): Buffer[] {
  const out: Buffer[] = [];
  for (let off = 0; off < plaintext.length; off += slice) out.push(cipher.update(plaintext.subarray(off, off + slice)));
  return out;
}

/**
 * The encrypted file as a list of buffers, in order, for a vectored write: joining them would
 * copy the whole document once more for nothing (≈100 MB at 50 000 cadres).
 * `formatVersion` other than the current one exists only so tests can write old-format fixtures.
 */
export function encodeVaultParts(plaintext: Buffer, master: Buffer, kdf: KdfParams, formatVersion = FORMAT_VERSION, slice = SLICE): Buffer[] {
  const saveSalt = randomBytes(32);
  const nonce = randomBytes(NONCE);
  const header: VaultHeader = {
    kdf,
    cipher: 'aes-256-gcm',
    saveSalt: saveSalt.toString('base64'),
    nonce: nonce.toString('base64'),
    savedAt: new Date().toISOString(),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(formatVersion, MAGIC.length);
  prefix.writeUInt32BE(headerBytes.length, MAGIC.length + 2);
  const aad = Buffer.concat([prefix, headerBytes]);
  const { dataKey, checkKey } = subkeys(master, saveSalt);
  const kcv = createHmac('sha256', checkKey).update(aad).digest();
  const digest = createHash('sha256').update(aad).update(formatVersion >= 2 ? kcv : Buffer.alloc(0)).digest();
  const cipher = createCipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG });
  cipher.setAAD(aad);
  const parts = [aad, digest, kcv, ...encryptSlices(cipher, plaintext, slice)];
  parts.push(cipher.final(), cipher.getAuthTag());
  return parts;
}

export function encodeVault(plaintext: Buffer, master: Buffer, kdf: KdfParams, formatVersion = FORMAT_VERSION): Buffer {
  return Buffer.concat(encodeVaultParts(plaintext, master, kdf, formatVersion));
}

/** Reads the header without a password; throws DAMAGED if the frame is not intact. */
export function readHeader(file: Buffer): { header: VaultHeader; aad: Buffer; rest: Buffer } {
  if (file.length < PREFIX || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new AppError('DAMAGED', '文件已损坏：不是干部档案库文件，或文件头已被破坏');
  }
  const version = file.readUInt16BE(MAGIC.length);
  if (version > FORMAT_VERSION) throw new AppError('CONFLICT', `该档案库文件由较新版本的程序保存（文件格式版本 ${version}），请升级本程序后再打开`);
  if (!READABLE_VERSIONS.has(version)) throw new AppError('DAMAGED', `文件已损坏：文件格式版本 ${version} 无法识别`);
  const headerLen = file.readUInt32BE(MAGIC.length + 2);
  if (headerLen > 64 * 1024 || file.length < PREFIX + headerLen + DIGEST * 2 + TAG) {
    throw new AppError('DAMAGED', '文件已损坏：文件不完整（可能被截断）');
  }
  const aad = file.subarray(0, PREFIX + headerLen);
  const digest = file.subarray(aad.length, aad.length + DIGEST);
  const kcv = file.subarray(aad.length + DIGEST, aad.length + 2 * DIGEST);
  const expected = createHash('sha256').update(aad);
  if (version >= 2) expected.update(kcv);
  if (!timingSafeEqual(expected.digest(), digest)) {
    throw new AppError('DAMAGED', '文件已损坏：文件头校验失败');
  }
  let header: VaultHeader;
  try {
    header = JSON.parse(aad.subarray(PREFIX).toString('utf8')) as VaultHeader;
  } catch {
    throw new AppError('DAMAGED', '文件已损坏：文件头无法解析');
  }
  const b64len = (x: unknown) => (typeof x === 'string' ? Buffer.from(x, 'base64').length : -1);
  if (typeof header !== 'object' || header === null || header.cipher !== 'aes-256-gcm' || b64len(header.nonce) !== NONCE || b64len(header.saveSalt) < 16) {
    throw new AppError('DAMAGED', '文件已损坏：加密参数无法识别');
  }
  checkKdf(header.kdf);
  return { header, aad, rest: file.subarray(aad.length + DIGEST) };
}

/** Decrypts with an already derived master key. Wrong key → WRONG_PASSWORD; bad body → DAMAGED. */
export function decodeVault(file: Buffer, master: Buffer): { plaintext: Buffer; header: VaultHeader } {
  const { header, aad, rest } = readHeader(file);
  const { dataKey, checkKey } = subkeys(master, Buffer.from(header.saveSalt, 'base64'));
  const kcv = rest.subarray(0, DIGEST);
  if (!timingSafeEqual(createHmac('sha256', checkKey).update(aad).digest(), kcv)) {
    throw new AppError('WRONG_PASSWORD', '密码错误');
  }
  const body = rest.subarray(DIGEST, rest.length - TAG);
  const tag = rest.subarray(rest.length - TAG);
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(header.nonce, 'base64'), { authTagLength: TAG });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const plaintext = decipher.update(body);
    decipher.final(); // throws unless the tag matches; GCM returns no further bytes
    return { plaintext, header };
  } catch {
    throw new AppError('DAMAGED', '文件已损坏：密码正确，但数据校验失败（文件内容被改动或截断），请从备份恢复');
  }
}
