/**
 * Writing a package: what this office owns for that receiver, either everything (full) or what
 * changed since the last package the receiver acknowledged, sealed to the receiver and signed.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract/define.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { collectionLabel, DISTRICT_CODE, officeName, type Manifest, type OutboxEntry } from '../../shared/domain/exchange.js';
import type { Session } from '../store/session.js';
import { accessOf, EXCHANGED_COLLECTIONS, ownerContext, type ExchangedRecord } from './collections.js';
import { sealPackage } from './format.js';
import { recordHash } from './hashing.js';
import { exchangeOf, pairProblem, requireIdentity, trustedOffice } from './identity.js';
import { fingerprint, privateKey, publicKey } from './keys.js';

export interface PackageBody {
  records: Record<string, ExchangedRecord[]>;
  tombstones: Record<string, { id: string; deletedAt: string }[]>;
}

/** Every record this office may send to `to`, by collection (soft-deleted ones included). */
export function ownedRecords(doc: VaultDocument, from: string, to: string): { owned: Record<string, ExchangedRecord[]>; withoutVillage: number } {
  const ctx = ownerContext(doc);
  const owned: Record<string, ExchangedRecord[]> = {};
  let withoutVillage = 0;
  const iAmDistrict = from === DISTRICT_CODE;
  for (const [name, rule] of Object.entries(EXCHANGED_COLLECTIONS)) {
    if ((rule.owner === 'district') !== iAmDistrict) continue;
    const list: ExchangedRecord[] = [];
    for (const r of accessOf(name).list(doc)) {
      const town = rule.townOf(r, ctx);
      if (iAmDistrict ? town === undefined || town === to : town === from) list.push(r);
      else if (!iAmDistrict && town === undefined && name === 'cadres' && !r.deletedAt) withoutVillage++;
    }
    owned[name] = list;
  }
  return { owned, withoutVillage };
}

export const outboxOf = (doc: VaultDocument, to: string): OutboxEntry => {
  const x = exchangeOf(doc);
  x.outbox[to] ??= { nextSeq: 1, acked: 0, ackedManifest: {}, pending: [] };
  return x.outbox[to];
};

export interface ExportResult {
  fileName: string;
  bytes: Buffer;
  to: string;
  sequence: number;
  base: number;
  full: boolean;
  records: Record<string, number>;
  tombstones: Record<string, number>;
  /** Cadres with no 所属村（社区）: no 镇街 owns them, so they are not carried. */
  withoutVillage: number;
}

/** Packages sent and not yet acknowledged that are remembered (older ones can no longer be acknowledged). */
const PENDING_KEPT = 10;

export async function exportPackage(session: Session, to: string, opts: { full?: boolean } = {}): Promise<ExportResult> {
  const { office: from, keys } = requireIdentity(session.doc);
  const problem = pairProblem(from, to);
  if (problem) throw new AppError('INVALID', problem);
  const receiver = trustedOffice(session.doc, to);
  if (!receiver) throw new AppError('CONFLICT', `${officeName(to)}还不是受信任单位：请先添加其公钥并核对指纹`);
  return session.mutate((doc, audit) => {
    const box = outboxOf(doc, to);
    const full = Boolean(opts.full) || box.acked === 0;
    const base = full ? 0 : box.acked;
    const baseManifest: Manifest = full ? {} : box.ackedManifest;
    const { owned, withoutVillage } = ownedRecords(doc, from, to);
    const body: PackageBody = { records: {}, tombstones: {} };
    const manifest: Manifest = {};
    const at = new Date().toISOString();
    for (const [name, list] of Object.entries(owned)) {
      const now: Record<string, string> = {};
      const was = baseManifest[name] ?? {};
      const records: ExchangedRecord[] = [];
      const tombs: { id: string; deletedAt: string }[] = [];
      for (const r of list) {
        const h = recordHash(r);
        now[r.id] = h;
        if (!full && was[r.id] === h) continue;
        if (r.deletedAt) tombs.push({ id: r.id, deletedAt: r.deletedAt });
        else records.push(r);
      }
      // Gone without a trace here (an undone import, a 示例 clear): the receiver moves its copy to 回收站.
      for (const id of Object.keys(was)) if (!(id in now)) tombs.push({ id, deletedAt: at });
      manifest[name] = now;
      if (records.length) body.records[name] = records;
      if (tombs.length) body.tombstones[name] = tombs;
    }
    const sequence = box.nextSeq;
    const packageId = randomUUID();
    const bytes = sealPackage(
      { packageId, from, to, sequence, base, full, createdAt: at, senderKey: fingerprint(from, keys.signPublic, keys.boxPublic) },
      body,
      privateKey(keys.signPrivate),
      publicKey(receiver.boxPublic),
    );
    box.nextSeq = sequence + 1;
    box.pending.push({ seq: sequence, packageId, at, full, manifest });
    if (box.pending.length > PENDING_KEPT) box.pending.splice(0, box.pending.length - PENDING_KEPT);
    const count = (m: Record<string, unknown[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.length]));
    const recordsCount = count(body.records);
    const tombCount = count(body.tombstones);
    const words = (m: Record<string, number>) => Object.entries(m).map(([k, n]) => `${collectionLabel(k)} ${n}`).join('、') || '无';
    audit({
      action: 'exchange.export', entity: 'exchange', recordId: packageId,
      summary: `向${officeName(to)}导出${full ? '完整' : `增量（基于第 ${base} 号）`}数据包第 ${sequence} 号：新增或修改 ${words(recordsCount)}；删除 ${words(tombCount)}`,
    });
    const stamp = at.slice(0, 10).replace(/-/g, '');
    return {
      fileName: `${officeName(from)}至${officeName(to)}-第${sequence}号-${stamp}.cdx`,
      bytes, to, sequence, base, full, records: recordsCount, tombstones: tombCount, withoutVillage,
    };
  });
}
