/**
 * Opening a received package: every check that refuses it, in the order of DESIGN.md, each with
 * a Chinese message; nothing here writes to the vault.
 */
import { z } from 'zod';
import { AppError } from '../../shared/contract/define.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { collectionLabel, DISTRICT_CODE, officeName, type InboxEntry, type TrustedOffice } from '../../shared/domain/exchange.js';
import { townName } from '../../shared/domain/towns.js';
import { EXCHANGED_COLLECTIONS, ownerContext, type ExchangedRecord } from './collections.js';
import type { PackageBody } from './exportPackage.js';
import { decryptFrame, readFrame, verifyFrame, type PackageHeader } from './format.js';
import { exchangeOf, pairProblem, requireIdentity, trustedOffice } from './identity.js';
import { privateKey, publicKey } from './keys.js';

export interface OpenedPackage {
  header: PackageHeader;
  body: PackageBody;
  sender: TrustedOffice;
}

const bodySchema = z.object({
  records: z.record(z.string(), z.array(z.looseObject({ id: z.string().min(1).max(64) }))),
  tombstones: z.record(z.string(), z.array(z.object({ id: z.string().min(1).max(64), deletedAt: z.string().min(1).max(40) }))),
});

export const inboxOf = (doc: VaultDocument, from: string): InboxEntry => {
  const x = exchangeOf(doc);
  x.inbox[from] ??= { imports: [], landed: {} };
  return x.inbox[from];
};

const fmt = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Sequence rules: replay, older than the newest imported, an incremental whose base is not here. */
export function sequenceProblem(doc: VaultDocument, h: PackageHeader): string | null {
  const live = (exchangeOf(doc).inbox[h.from]?.imports ?? []).filter((i) => !i.undoneAt);
  const same = live.find((i) => i.seq === h.sequence || i.packageId === h.packageId);
  const who = officeName(h.from);
  if (same) return `${who}的第 ${h.sequence} 号数据包已于 ${fmt(same.at)} 导入过，不能重复导入`;
  const newest = live.reduce((m, i) => Math.max(m, i.seq), 0);
  if (h.sequence < newest) return `${who}的第 ${h.sequence} 号数据包比已导入的第 ${newest} 号旧，不能导入（数据包须按顺序导入，旧包的内容已包含在新包中）`;
  if (h.base > 0 && !live.some((i) => i.seq === h.base)) {
    return `这是在第 ${h.base} 号基础上的增量数据包，但本库没有（或已撤销）${who}的第 ${h.base} 号数据包（本库是否从备份恢复过？）。请对方发送完整数据包`;
  }
  return null;
}

export function openPackage(doc: VaultDocument, bytes: Buffer): OpenedPackage {
  const { office: me, keys } = requireIdentity(doc);
  const frame = readFrame(bytes);
  const h = frame.header;
  const sender = trustedOffice(doc, h.from);
  if (!sender) throw new AppError('CONFLICT', `数据包来自${officeName(h.from)}，该单位不在本单位的受信任单位中，未导入任何内容。请先添加其公钥并电话核对指纹`);
  if (h.senderKey !== sender.fingerprint) {
    throw new AppError('CONFLICT', `数据包的签名密钥（指纹 ${String(h.senderKey).slice(0, 39)}）与本单位记录的${officeName(h.from)}公钥（指纹 ${sender.fingerprint}）不同，未导入任何内容。如对方更换过密钥，请重新添加其公钥并核对指纹`);
  }
  if (!verifyFrame(frame, publicKey(sender.signPublic))) throw new AppError('DAMAGED', `数据包签名不符：内容在${officeName(h.from)}签发后被改动过，未导入任何内容`);
  if (h.to !== me) throw new AppError('INVALID', `该数据包是发给${officeName(h.to)}的，不是本单位（${officeName(me)}），未导入任何内容`);
  const pair = pairProblem(h.from, me);
  if (pair) throw new AppError('INVALID', `${pair}，未导入任何内容`);
  const seq = sequenceProblem(doc, h);
  if (seq) throw new AppError('CONFLICT', `${seq}，未导入任何内容`);
  const parsed = bodySchema.safeParse(decryptFrame(frame, privateKey(keys.boxPrivate)));
  if (!parsed.success) throw new AppError('DAMAGED', '数据包内容的结构不对（可能由不兼容的程序版本生成），未导入任何内容');
  const body = parsed.data;
  checkOwnership(doc, h.from, me, body);
  return { header: h, body, sender };
}

/**
 * A 镇街's package may touch only town-owned records of that 镇街 (as sent and as held here);
 * the district's only district-owned records that concern this 镇街 or the whole district.
 */
export function checkOwnership(doc: VaultDocument, from: string, me: string, body: PackageBody): void {
  const fromDistrict = from === DISTRICT_CODE;
  const held = ownerContext(doc);
  const incoming = ownerContext(doc, { villages: body.records.villages, cadres: body.records.cadres });
  const refuse = (what: string) => {
    throw new AppError('CONFLICT', `${what}，未导入任何内容`);
  };
  const place = (t: string | undefined) => (t ? townName(t) || t : '未归属任何镇街');
  for (const name of new Set([...Object.keys(body.records), ...Object.keys(body.tombstones)])) {
    const rule = EXCHANGED_COLLECTIONS[name];
    if (!rule) refuse(`数据包含有本程序不认识的数据（${name}），请升级本程序`);
    if (fromDistrict && rule.owner !== 'district') refuse(`区委组织部的数据包含有${collectionLabel(name)}，这类记录由各镇街维护，只能由镇街报送`);
    if (!fromDistrict && rule.owner !== 'town') refuse(`${officeName(from)}的数据包含有${collectionLabel(name)}，这类记录只能由区委组织部下发`);
    const byId = new Map((rule.access ? rule.access.list(doc) : ((doc as unknown as Record<string, ExchangedRecord[]>)[name] ?? [])).map((r) => [r.id, r]));
    const allowed = (t: string | undefined) => (fromDistrict ? t === undefined || t === me : t === from);
    for (const r of body.records[name] ?? []) {
      const sent = rule.townOf(r, incoming);
      if (!allowed(sent)) refuse(`${officeName(from)}的数据包中，${collectionLabel(name)}“${rule.label(r)}”属于${place(sent)}，只能修改${fromDistrict ? '本镇街或全区' : '本镇街'}的记录`);
      const mine = byId.get(r.id);
      if (mine) {
        const t = rule.townOf(mine, held);
        if (!allowed(t)) refuse(`${officeName(from)}的数据包要修改本库中属于${place(t)}的${collectionLabel(name)}“${rule.label(mine)}”`);
      }
    }
    for (const t of body.tombstones[name] ?? []) {
      const mine = byId.get(t.id);
      if (!mine) continue;
      const town = rule.townOf(mine, held);
      if (!allowed(town)) refuse(`${officeName(from)}的数据包要删除本库中属于${place(town)}的${collectionLabel(name)}“${rule.label(mine)}”`);
    }
  }
}
