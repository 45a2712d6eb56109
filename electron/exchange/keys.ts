/**
 * This office's exchange keys (Ed25519 to sign, X25519 to receive), the public-key file others
 * trust, and the fingerprint read aloud over the phone to confirm it. node:crypto only.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { AppError } from '../../shared/contract/define.js';
import { isOfficeCode, officeName, type ExchangeKeys } from '../../shared/domain/exchange.js';

export function generateKeys(now = new Date().toISOString()): ExchangeKeys {
  const sign = generateKeyPairSync('ed25519');
  const box = generateKeyPairSync('x25519');
  const der = (k: KeyObject, type: 'spki' | 'pkcs8') => k.export({ format: 'der', type }).toString('base64');
  return {
    createdAt: now,
    signPublic: der(sign.publicKey, 'spki'),
    signPrivate: der(sign.privateKey, 'pkcs8'),
    boxPublic: der(box.publicKey, 'spki'),
    boxPrivate: der(box.privateKey, 'pkcs8'),
  };
}

export const publicKey = (b64: string): KeyObject => createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
export const privateKey = (b64: string): KeyObject => createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });

/** Eight groups of four digits from SHA-256 over the office and both public keys. */
export function fingerprint(office: string, signPublic: string, boxPublic: string): string {
  const h = createHash('sha256')
    .update(office)
    .update(Buffer.from([0]))
    .update(Buffer.from(signPublic, 'base64'))
    .update(Buffer.from(boxPublic, 'base64'))
    .digest();
  const groups: string[] = [];
  for (let i = 0; i < 8; i++) groups.push(String(h.readUInt32BE(i * 4) % 10_000).padStart(4, '0'));
  return groups.join(' ');
}

/** Digits only, so "1234 5678…" typed with or without spaces compares equal. */
export const sameFingerprint = (a: string, b: string): boolean => a.replace(/\D/g, '') === b.replace(/\D/g, '') && a.replace(/\D/g, '').length === 32;

export interface PublicKeyFile {
  format: 'cadre-desk-exchange-key';
  version: 1;
  office: string;
  name: string;
  signKey: string;
  boxKey: string;
}

export function publicKeyFile(office: string, keys: ExchangeKeys): string {
  const f: PublicKeyFile = { format: 'cadre-desk-exchange-key', version: 1, office, name: officeName(office), signKey: keys.signPublic, boxKey: keys.boxPublic };
  return JSON.stringify(f, null, 2) + '\n';
}

/** Reads a .pub file; every way it can be wrong gets its own Chinese message. */
export function readPublicKeyFile(text: string): { office: string; signPublic: string; boxPublic: string; fingerprint: string } {
  let f: Partial<PublicKeyFile>;
  try {
    f = JSON.parse(text) as Partial<PublicKeyFile>;
  } catch {
    throw new AppError('INVALID', '公钥文件无法读取：不是本软件导出的数据交换公钥（.pub）');
  }
  if (f?.format !== 'cadre-desk-exchange-key') throw new AppError('INVALID', '公钥文件无法读取：不是本软件导出的数据交换公钥（.pub）');
  if (f.version !== 1) throw new AppError('INVALID', `公钥文件版本 ${String(f.version)} 不受支持，请升级本程序`);
  if (typeof f.office !== 'string' || !isOfficeCode(f.office)) throw new AppError('INVALID', `公钥文件中的单位代码“${String(f.office)}”不是顺德区或其镇街`);
  try {
    const s = publicKey(String(f.signKey));
    const b = publicKey(String(f.boxKey));
    if (s.asymmetricKeyType !== 'ed25519' || b.asymmetricKeyType !== 'x25519') throw new Error('type');
  } catch {
    throw new AppError('INVALID', '公钥文件已损坏：密钥无法读取');
  }
  const signPublic = String(f.signKey);
  const boxPublic = String(f.boxKey);
  return { office: f.office, signPublic, boxPublic, fingerprint: fingerprint(f.office, signPublic, boxPublic) };
}
