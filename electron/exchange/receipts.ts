/**
 * Reading a receipt the receiver sent back: the package it names becomes the base of the next
 * incremental package, minus the records the receiver declined (those go again).
 */
import { AppError } from '../../shared/contract/define.js';
import { officeName, type Manifest } from '../../shared/domain/exchange.js';
import type { Session } from '../store/session.js';
import { readReceipt } from './format.js';
import { exchangeOf, requireIdentity, trustedOffice } from './identity.js';
import { publicKey } from './keys.js';

export interface ReceiptResult {
  from: string;
  sequence: number;
  declined: number;
}

export async function applyReceipt(session: Session, bytes: Buffer): Promise<ReceiptResult> {
  const { office: me } = requireIdentity(session.doc);
  const { receipt: r, check } = readReceipt(bytes);
  const signer = trustedOffice(session.doc, r.from);
  if (!signer) throw new AppError('CONFLICT', `回执来自${officeName(r.from)}，该单位不在受信任单位中`);
  if (!check(publicKey(signer.signPublic))) throw new AppError('DAMAGED', `回执签名不符：内容在${officeName(r.from)}签发后被改动过`);
  if (r.to !== me) throw new AppError('INVALID', `该回执是给${officeName(r.to)}的，不是本单位（${officeName(me)}）`);
  const box = exchangeOf(session.doc).outbox[r.from];
  if (box && r.sequence <= box.acked) throw new AppError('CONFLICT', `${officeName(r.from)}对第 ${r.sequence} 号数据包的回执已处理过（已确认到第 ${box.acked} 号）`);
  const sent = box?.pending.find((p) => p.seq === r.sequence && p.packageId === r.packageId);
  if (!sent) throw new AppError('NOT_FOUND', `找不到发给${officeName(r.from)}的第 ${r.sequence} 号数据包的发送记录，回执未处理；下次请发送完整数据包`);
  const declined = Object.values(r.declined ?? {}).reduce((n, l) => n + l.length, 0);
  await session.mutate((doc, audit) => {
    const b = exchangeOf(doc).outbox[r.from];
    const manifest: Manifest = structuredClone(sent.manifest);
    for (const [name, ids] of Object.entries(r.declined ?? {})) for (const id of ids) delete manifest[name]?.[id];
    b.acked = r.sequence;
    b.ackedAt = r.at;
    b.ackedManifest = manifest;
    b.pending = b.pending.filter((p) => p.seq > r.sequence);
    audit({
      action: 'exchange.receipt', entity: 'exchange', recordId: r.packageId,
      summary: `收到${officeName(r.from)}的回执：第 ${r.sequence} 号数据包已导入${declined ? `（未接受 ${declined} 条，下次再发）` : ''}，下次可发送增量数据包`,
    });
  });
  return { from: r.from, sequence: r.sequence, declined };
}
