/**
 * The bytes of a package (.cdx) and a receipt (.cdr): layout in DESIGN.md. Sealing encrypts to the
 * receiver and signs; opening checks damage, then the signature, and only then decrypts.
 */
import { createCipheriv, createDecipheriv, createHash, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { AppError } from '../../shared/contract/define.js';

const MAGIC = Buffer.from('CDX1');
const RECEIPT_MAGIC = Buffer.from('CDR1');
const TAG = 16;
const SIG = 64;
const SUM = 32;
const MAX_HEADER = 64 * 1024;

export interface PackageHeader {
  format: 1;
  packageId: string;
  from: string;
  to: string;
  sequence: number;
  base: number;
  full: boolean;
  createdAt: string;
  bodyLength: number;
  /** Fingerprint of the sender's key, so a changed key is named as such. */
  senderKey: string;
  ephemeral: string;
  salt: string;
  nonce: string;
}

const damaged = (why: string) => new AppError('DAMAGED', `数据包已损坏：${why}，未导入任何内容`);

function aesKey(shared: Buffer, salt: Buffer, from: string, to: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, salt, Buffer.from(`cadre-desk exchange v1|${from}|${to}`), 32));
}

export function sealPackage(
  head: Omit<PackageHeader, 'format' | 'bodyLength' | 'ephemeral' | 'salt' | 'nonce'>,
  body: unknown,
  senderSign: KeyObject,
  receiverBox: KeyObject,
): Buffer {
  const plain = packBody(body);
  const eph = generateKeyPairSync('x25519');
  const salt = randomBytes(32);
  const nonce = randomBytes(12);
  const header: PackageHeader = {
    format: 1, ...head, bodyLength: plain.length,
    ephemeral: eph.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    salt: salt.toString('base64'), nonce: nonce.toString('base64'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(headerBytes.length);
  const aad = Buffer.concat([MAGIC, len, headerBytes]);
  const key = aesKey(diffieHellman({ privateKey: eph.privateKey, publicKey: receiverBox }), salt, head.from, head.to);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const signed = Buffer.concat([aad, ct]);
  const signature = sign(null, signed, senderSign);
  const withSig = Buffer.concat([signed, signature]);
  return Buffer.concat([withSig, createHash('sha256').update(withSig).digest()]);
}

/**
 * Photos (base64 JPEG, most of a package's bytes) travel as raw bytes after the deflated JSON: no
 * base64 inflation, and neither JSON nor deflate has to walk them. Layout: u32 JSON length ‖
 * deflate(JSON) ‖ photo bytes; a photo's place in the JSON says `\u0000photo:offset:length`.
 */
const PHOTO_MARK = '\u0000photo:';

function packBody(body: unknown): Buffer {
  const blobs: Buffer[] = [];
  let offset = 0;
  const records = (body as { records?: Record<string, Record<string, unknown>[]> }).records ?? {};
  const swapped: { r: Record<string, unknown>; photo: string }[] = [];
  for (const list of Object.values(records)) {
    for (const r of list) {
      const photo = r.photo;
      if (typeof photo !== 'string' || photo.length < 256) continue;
      const bytes = Buffer.from(photo, 'base64');
      if (bytes.toString('base64') !== photo) continue; // not canonical base64: kept as text so it comes back exactly
      swapped.push({ r, photo });
      r.photo = `${PHOTO_MARK}${offset}:${bytes.length}`;
      blobs.push(bytes);
      offset += bytes.length;
    }
  }
  try {
    const json = deflateRawSync(Buffer.from(JSON.stringify(body), 'utf8'), { level: 1 });
    const len = Buffer.alloc(4);
    len.writeUInt32BE(json.length);
    return Buffer.concat([len, json, ...blobs]);
  } finally {
    for (const { r, photo } of swapped) r.photo = photo; // the caller's records are the vault's own
  }
}

function unpackBody(plain: Buffer): unknown {
  const jlen = plain.readUInt32BE(0);
  const blobs = plain.subarray(4 + jlen);
  const body = JSON.parse(inflateRawSync(plain.subarray(4, 4 + jlen)).toString('utf8')) as { records?: Record<string, Record<string, unknown>[]> };
  for (const list of Object.values(body.records ?? {})) {
    if (!Array.isArray(list)) continue;
    for (const r of list) {
      if (typeof r?.photo !== 'string' || !r.photo.startsWith(PHOTO_MARK)) continue;
      const [off, n] = r.photo.slice(PHOTO_MARK.length).split(':').map(Number);
      if (!(off >= 0 && n >= 0 && off + n <= blobs.length)) throw new Error('photo out of range');
      r.photo = blobs.subarray(off, off + n).toString('base64');
    }
  }
  return body;
}

export interface OpenedFrame {
  header: PackageHeader;
  /** Everything the signature covers. */
  signed: Buffer;
  signature: Buffer;
  aad: Buffer;
  ciphertext: Buffer;
}

/** Checks the frame (damage, truncation) and reads the header; nothing is trusted yet. */
export function readFrame(bytes: Buffer): OpenedFrame {
  if (bytes.length < 8 || !bytes.subarray(0, 4).equals(MAGIC)) throw new AppError('INVALID', '这不是数据交换包（.cdx）文件，未导入任何内容');
  const hlen = bytes.readUInt32BE(4);
  if (hlen === 0 || hlen > MAX_HEADER) throw damaged('文件头长度不对');
  const minimum = 8 + hlen + TAG + SIG + SUM;
  if (bytes.length < minimum) throw new AppError('DAMAGED', '数据包不完整（文件被截断），未导入任何内容；请对方重新发送');
  const body = bytes.subarray(0, bytes.length - SUM);
  const sum = bytes.subarray(bytes.length - SUM);
  let header: PackageHeader;
  try {
    header = JSON.parse(bytes.subarray(8, 8 + hlen).toString('utf8')) as PackageHeader;
  } catch {
    header = null as unknown as PackageHeader;
  }
  const expected = header && Number.isInteger(header.bodyLength) ? 8 + hlen + header.bodyLength + TAG + SIG + SUM : -1;
  if (expected > bytes.length) throw new AppError('DAMAGED', '数据包不完整（文件被截断），未导入任何内容；请对方重新发送');
  if (!createHash('sha256').update(body).digest().equals(sum)) throw damaged('校验值不符（文件在传递中损坏）');
  if (!header || header.format !== 1 || expected !== bytes.length) throw damaged('文件结构不对');
  const aad = bytes.subarray(0, 8 + hlen);
  const signedEnd = 8 + hlen + header.bodyLength + TAG;
  return { header, aad, signed: bytes.subarray(0, signedEnd), signature: bytes.subarray(signedEnd, signedEnd + SIG), ciphertext: bytes.subarray(8 + hlen, signedEnd) };
}

export function verifyFrame(frame: OpenedFrame, senderSign: KeyObject): boolean {
  return verify(null, frame.signed, senderSign, frame.signature);
}

export function decryptFrame(frame: OpenedFrame, receiverBoxPrivate: KeyObject): unknown {
  const h = frame.header;
  try {
    const shared = diffieHellman({ privateKey: receiverBoxPrivate, publicKey: createPublicKeyDer(h.ephemeral) });
    const key = aesKey(shared, Buffer.from(h.salt, 'base64'), h.from, h.to);
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(h.nonce, 'base64'));
    d.setAAD(frame.aad);
    d.setAuthTag(frame.ciphertext.subarray(frame.ciphertext.length - TAG));
    const plain = Buffer.concat([d.update(frame.ciphertext.subarray(0, frame.ciphertext.length - TAG)), d.final()]);
    return unpackBody(plain);
  } catch {
    throw new AppError('DAMAGED', '数据包无法解密：它不是用本单位当前的密钥加密的（本单位是否重新生成过密钥？），未导入任何内容');
  }
}

function createPublicKeyDer(b64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
}

// ───────────── receipts ─────────────

export interface Receipt {
  format: 1;
  /** The office that imported (and signs this). */
  from: string;
  /** The office that sent the package. */
  to: string;
  sequence: number;
  packageId: string;
  at: string;
  /** Records the receiver did not take: sent again in the next incremental package. */
  declined: Record<string, string[]>;
}

export function sealReceipt(r: Receipt, signKey: KeyObject): Buffer {
  const body = Buffer.from(JSON.stringify(r), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const signed = Buffer.concat([RECEIPT_MAGIC, len, body]);
  return Buffer.concat([signed, sign(null, signed, signKey)]);
}

/** Reads a receipt without trusting it; `check` verifies the signature with the signer's key. */
export function readReceipt(bytes: Buffer): { receipt: Receipt; check: (key: KeyObject) => boolean } {
  if (bytes.length < 8 + SIG || !bytes.subarray(0, 4).equals(RECEIPT_MAGIC)) throw new AppError('INVALID', '这不是数据交换回执（.cdr）文件');
  const len = bytes.readUInt32BE(4);
  if (bytes.length !== 8 + len + SIG) throw new AppError('DAMAGED', '回执文件已损坏或不完整');
  let receipt: Receipt;
  try {
    receipt = JSON.parse(bytes.subarray(8, 8 + len).toString('utf8')) as Receipt;
  } catch {
    throw new AppError('DAMAGED', '回执文件已损坏');
  }
  if (receipt?.format !== 1) throw new AppError('DAMAGED', '回执文件已损坏');
  const signed = bytes.subarray(0, 8 + len);
  return { receipt, check: (key) => verify(null, signed, key, bytes.subarray(8 + len)) };
}
