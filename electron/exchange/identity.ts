/**
 * Which office this vault is, its keys, and the offices it trusts. Keys live in the encrypted
 * document; audit entries name what changed but never carry a private key.
 */
import { AppError } from '../../shared/contract/define.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { DISTRICT_CODE, emptyExchangeState, isOfficeCode, officeName, type ExchangeState, type TrustedOffice } from '../../shared/domain/exchange.js';
import type { Session } from '../store/session.js';
import { fingerprint, generateKeys, publicKeyFile, readPublicKeyFile, sameFingerprint } from './keys.js';

export function exchangeOf(doc: VaultDocument): ExchangeState {
  if (!doc.exchange) doc.exchange = emptyExchangeState();
  return doc.exchange;
}

export interface OfficeIdentity {
  office: string | null;
  officeName: string;
  fingerprint: string | null;
  keysCreatedAt: string | null;
  /** Office can still be changed: nothing sent or received yet. */
  officeChangeable: boolean;
  trusted: (Omit<TrustedOffice, 'signPublic' | 'boxPublic'> & { name: string })[];
}

export function identityOf(doc: VaultDocument): OfficeIdentity {
  const x = exchangeOf(doc);
  return {
    office: x.office,
    officeName: officeName(x.office),
    fingerprint: x.office && x.keys ? fingerprint(x.office, x.keys.signPublic, x.keys.boxPublic) : null,
    keysCreatedAt: x.keys?.createdAt ?? null,
    officeChangeable: Object.keys(x.outbox).length === 0 && Object.keys(x.inbox).length === 0,
    trusted: x.trusted.map(({ signPublic: _s, boxPublic: _b, ...t }) => ({ ...t, name: officeName(t.office) })),
  };
}

/** Sets this vault's office; the key pairs are made the first time. */
export async function setOffice(session: Session, office: string): Promise<OfficeIdentity> {
  if (!isOfficeCode(office)) throw new AppError('INVALID', `单位代码“${office}”不是顺德区（${DISTRICT_CODE}）或其镇街的代码`);
  const x = exchangeOf(session.doc);
  if (x.office === office && x.keys) return identityOf(session.doc);
  if (x.office && x.office !== office && !identityOf(session.doc).officeChangeable) {
    throw new AppError('CONFLICT', `本档案库已作为${officeName(x.office)}收发过数据包，不能再改为${officeName(office)}`);
  }
  await session.mutate((doc, audit) => {
    const ex = exchangeOf(doc);
    const before = ex.office;
    ex.office = office;
    if (!ex.keys) ex.keys = generateKeys();
    audit({
      action: 'exchange.office', entity: 'exchange', recordId: office,
      summary: before ? `本单位由${officeName(before)}改为${officeName(office)}` : `设定本单位为${officeName(office)}，生成数据交换密钥（指纹 ${fingerprint(office, ex.keys.signPublic, ex.keys.boxPublic)}）`,
      before: before ?? undefined, after: office,
    });
  });
  return identityOf(session.doc);
}

export function requireIdentity(doc: VaultDocument): { office: string; keys: NonNullable<ExchangeState['keys']> } {
  const x = exchangeOf(doc);
  if (!x.office || !x.keys) throw new AppError('CONFLICT', '尚未设定本单位：请先在 设置 → 数据交换 中选择本单位（命令行：exchange-key --office 代码）');
  return { office: x.office, keys: x.keys };
}

export function ownPublicKeyFile(doc: VaultDocument): { fileName: string; text: string; fingerprint: string } {
  const { office, keys } = requireIdentity(doc);
  return { fileName: `${officeName(office)}-数据交换公钥.pub`, text: publicKeyFile(office, keys), fingerprint: fingerprint(office, keys.signPublic, keys.boxPublic) };
}

/** Trusts an office's key after the user confirmed the fingerprint read out by the other office. */
export async function trustOffice(session: Session, keyText: string, confirmedFingerprint: string): Promise<OfficeIdentity> {
  const k = readPublicKeyFile(keyText);
  const { office: me } = requireIdentity(session.doc);
  if (!sameFingerprint(k.fingerprint, confirmedFingerprint)) {
    throw new AppError('INVALID', `指纹不一致：公钥文件的指纹是 ${k.fingerprint}，与核对的指纹不同，未添加。请与对方重新核对`);
  }
  if (k.office === me) throw new AppError('INVALID', '这是本单位自己的公钥，不需要添加');
  await session.mutate((doc, audit) => {
    const x = exchangeOf(doc);
    const i = x.trusted.findIndex((t) => t.office === k.office);
    const entry: TrustedOffice = { office: k.office, signPublic: k.signPublic, boxPublic: k.boxPublic, fingerprint: k.fingerprint, addedAt: new Date().toISOString(), addedBy: session.operator };
    const before = i >= 0 ? x.trusted[i].fingerprint : undefined;
    if (i >= 0) x.trusted[i] = entry;
    else x.trusted.push(entry);
    audit({
      action: i >= 0 ? 'exchange.trustReplace' : 'exchange.trust', entity: 'exchange', recordId: k.office,
      summary: `${i >= 0 ? '更换' : '添加'}受信任单位：${officeName(k.office)}（指纹 ${k.fingerprint}）`,
      before, after: k.fingerprint,
    });
  });
  return identityOf(session.doc);
}

export async function untrustOffice(session: Session, office: string): Promise<OfficeIdentity> {
  const t = exchangeOf(session.doc).trusted.find((x) => x.office === office);
  if (!t) throw new AppError('NOT_FOUND', `${officeName(office)}不在受信任单位中`);
  await session.mutate((doc, audit) => {
    const x = exchangeOf(doc);
    x.trusted = x.trusted.filter((y) => y.office !== office);
    audit({ action: 'exchange.untrust', entity: 'exchange', recordId: office, summary: `移除受信任单位：${officeName(office)}（指纹 ${t.fingerprint}）`, before: t.fingerprint });
  });
  return identityOf(session.doc);
}

export function trustedOffice(doc: VaultDocument, office: string): TrustedOffice | undefined {
  return exchangeOf(doc).trusted.find((t) => t.office === office);
}

/** Towns exchange with the district only; the district with any town. */
export function pairProblem(from: string, to: string): string | null {
  if (from === to) return '不能与本单位自己交换数据';
  if (from !== DISTRICT_CODE && to !== DISTRICT_CODE) return `镇街之间不直接交换数据（${officeName(from)} → ${officeName(to)}），请经区委组织部`;
  return null;
}
