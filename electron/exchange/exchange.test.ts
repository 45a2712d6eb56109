import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewSummary } from '../../shared/domain/exchange.js';
import { buildDemoDocument, makeIdNumber } from '../demo/generate.js';
import { undoBatch } from '../importer/batch.js';
import { EXCHANGED_COLLECTIONS } from './collections.js';
import { exportPackage, ownedRecords } from './exportPackage.js';
import { sealPackage } from './format.js';
import { ownPublicKeyFile, requireIdentity, trustOffice } from './identity.js';
import { fingerprint, privateKey, publicKey } from './keys.js';
import { commitPackage, planPackage } from './landing.js';
import { applyReceipt } from './receipts.js';
import { DALIANG, DISTRICT, openOffice, RONGGUI, tempDir, trustEachOther, type Office } from './testing/offices.js';

const tmp = tempDir('cadre-exchange-');
let town: Office; // 大良, holding the 示例 data
let district: Office;
let other: Office; // 容桂
let stranger: Office; // a 镇街 nobody trusts

const MARKER_NAME = '欧阳标记';
let MARKER_ID = '';

/** Exactly what a town's package should carry: the town-owned records of that town, compared as JSON. */
function townRecords(o: Office, townCode: string): Record<string, unknown[]> {
  const { owned } = ownedRecords(o.session.doc, townCode, DISTRICT);
  return Object.fromEntries(Object.entries(owned).map(([k, v]) => [k, [...v].sort((a, b) => a.id.localeCompare(b.id)).map((r) => JSON.parse(JSON.stringify(r)) as unknown)]));
}
function recordsHeld(o: Office, ids: Record<string, unknown[]>): Record<string, unknown[]> {
  const doc = o.session.doc as unknown as Record<string, { id: string }[]>;
  return Object.fromEntries(Object.entries(ids).map(([k, list]) => {
    const want = new Set((list as { id: string }[]).map((r) => r.id));
    return [k, doc[k].filter((r) => want.has(r.id)).sort((a, b) => a.id.localeCompare(b.id)).map((r) => JSON.parse(JSON.stringify(r)) as unknown)];
  }));
}

beforeAll(async () => {
  const demo = buildDemoDocument({ cadres: 300, seed: 7 });
  // A marker person whose name and ID number must never be readable in a package.
  const c = demo.cadres.find((x) => demo.villages.find((v) => v.id === x.villageId)?.townCode === DALIANG)!;
  // Photos travel as raw bytes beside the JSON: some cadres get one, so the round trip checks them too.
  demo.cadres.forEach((x, i) => {
    if (i % 3 === 0) x.photo = randomBytes(3000 + i).toString('base64');
  });
  c.name = MARKER_NAME;
  MARKER_ID = makeIdNumber(Number(c.birth.slice(0, 4)), Number(c.birth.slice(5, 7)), 17, c.sex === '男', 777);
  c.idNumber = MARKER_ID;
  [town, district, other, stranger] = await Promise.all([
    openOffice(tmp.dir, 'daliang', DALIANG, demo),
    openOffice(tmp.dir, 'district', DISTRICT),
    openOffice(tmp.dir, 'ronggui', RONGGUI),
    openOffice(tmp.dir, 'stranger', '440606105'),
  ]);
  await trustEachOther(town, district);
  await trustEachOther(other, district);
  // The stranger trusts the district, but the district does not trust it.
  const k = ownPublicKeyFile(district.session.doc);
  await trustOffice(stranger.session, k.text, k.fingerprint);
}, 60_000);

afterAll(() => {
  for (const o of [town, district, other, stranger]) o?.session.vault.close();
  tmp.remove();
});

describe('office identity', () => {
  it('keeps the key pairs in the vault document and shows an 8 × 4-digit fingerprint', () => {
    const { office, keys } = requireIdentity(town.session.doc);
    expect(office).toBe(DALIANG);
    expect(ownPublicKeyFile(town.session.doc).fingerprint).toMatch(/^\d{4}( \d{4}){7}$/);
    expect(publicKey(keys.signPublic).asymmetricKeyType).toBe('ed25519');
    expect(publicKey(keys.boxPublic).asymmetricKeyType).toBe('x25519');
    // The audit trail names the fingerprint, never a private key.
    expect(JSON.stringify(town.session.doc.audit)).not.toContain(keys.signPrivate.slice(20, 60));
  });

  it('refuses to trust a key whose fingerprint does not match the one read out', async () => {
    const k = ownPublicKeyFile(other.session.doc);
    const digits = k.fingerprint.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    await expect(trustOffice(town.session, k.text, digits)).rejects.toThrow(/指纹不一致/);
    expect(town.session.doc.exchange.trusted.map((t) => t.office)).toEqual([DISTRICT]);
  });
});

describe('round trip 镇街 示例 → empty district vault', () => {
  let first: Awaited<ReturnType<typeof exportPackage>>;

  it('a full package shows no name, ID number or value in its bytes', async () => {
    first = await exportPackage(town.session, DISTRICT);
    expect(first).toMatchObject({ sequence: 1, base: 0, full: true });
    const text = first.bytes.toString('latin1');
    const utf8 = first.bytes.toString('utf8');
    for (const needle of [MARKER_NAME, MARKER_ID, '大良', town.session.doc.villages[0].name, town.session.doc.cadres[5].idNumber]) {
      expect(utf8.includes(needle)).toBe(false);
      expect(text.includes(Buffer.from(needle, 'utf8').toString('latin1'))).toBe(false);
    }
  });

  it('imported whole, the district holds exactly the town’s records', async () => {
    const plan = planPackage(district.session.doc, first.bytes);
    const s = previewSummary(plan.preview);
    const expected = townRecords(town, DALIANG);
    expect(s.created.cadres).toBe(expected.cadres.length);
    expect(s.created.villages).toBe(expected.villages.length);
    expect(s.conflicts).toEqual([]);
    const r = await commitPackage(district.session, first.bytes, 'p1.cdx', 'all');
    expect(r.created).toBe(Object.values(expected).reduce((n, l) => n + l.length, 0));
    expect(recordsHeld(district, expected)).toEqual(expected);
    // The receipt makes the next package incremental.
    const ack = await applyReceipt(town.session, Buffer.from(r.receipt.base64, 'base64'));
    expect(ack).toMatchObject({ from: DISTRICT, sequence: 1, declined: 0 });
  });

  it('an edit on each side: the incremental package carries exactly the town’s edit, and a same-field edit is a conflict', async () => {
    const mine = (o: Office, id: string) => o.session.doc.cadres.find((c) => c.id === id)!;
    const daliangCadres = town.session.doc.cadres.filter((c) => c.villageId && town.session.doc.villages.find((v) => v.id === c.villageId)?.townCode === DALIANG);
    const [a, b] = daliangCadres;
    await town.session.mutate((doc) => {
      Object.assign(doc.cadres.find((c) => c.id === a.id)!, { phone: '13800000001', updatedAt: new Date().toISOString() });
      Object.assign(doc.cadres.find((c) => c.id === b.id)!, { expertise: '镇街改的专长', updatedAt: new Date().toISOString() });
    });
    await district.session.mutate((doc) => {
      Object.assign(doc.cadres.find((c) => c.id === a.id)!, { techTitle: '区里改的职称' }); // another field: no conflict
      Object.assign(doc.cadres.find((c) => c.id === b.id)!, { expertise: '区里改的专长' }); // same field: conflict
    });
    const p2 = await exportPackage(town.session, DISTRICT);
    expect(p2).toMatchObject({ sequence: 2, base: 1, full: false, records: { cadres: 2 } });
    const plan = planPackage(district.session.doc, p2.bytes);
    expect(plan.preview.changes.map((c) => [c.label, c.status, c.fields.map((f) => [f.field, f.after, f.conflict])])).toEqual([
      [b.name, 'changed', [['expertise', '镇街改的专长', true]]],
      [a.name, 'changed', [['phone', '13800000001', false]]],
    ]);
    // Accept all but conflicts: the district's own techTitle edit survives the phone change.
    const r = await commitPackage(district.session, p2.bytes, 'p2.cdx', 'nonConflicting');
    expect(r).toMatchObject({ changed: 1, declined: 1 });
    expect(mine(district, a.id)).toMatchObject({ phone: '13800000001', techTitle: '区里改的职称' });
    expect(mine(district, b.id).expertise).toBe('区里改的专长');
    // The declined record goes again in the next package.
    await applyReceipt(town.session, Buffer.from(r.receipt.base64, 'base64'));
    const p3 = await exportPackage(town.session, DISTRICT);
    expect(p3).toMatchObject({ sequence: 3, base: 2, records: { cadres: 1 } });
  });
});

describe('fault table: refused with nothing changed, or shown as a conflict', () => {
  let pkg: Buffer;
  beforeAll(async () => {
    pkg = (await exportPackage(town.session, DISTRICT, { full: true })).bytes;
  });

  const refused = async (bytes: Buffer, message: RegExp, receiver = district) => {
    const before = receiver.state();
    await expect(commitPackage(receiver.session, bytes, 'x.cdx', 'all')).rejects.toThrow(message);
    expect(() => planPackage(receiver.session.doc, bytes)).toThrow(message);
    expect(receiver.state()).toBe(before);
  };

  it('a flipped byte anywhere (magic, header, body, tag, signature, checksum)', async () => {
    const positions = [0, 5, 20, 60, Math.floor(pkg.length / 2), pkg.length - 32 - 64 - 8, pkg.length - 40, pkg.length - 1];
    for (const at of positions) {
      const bad = Buffer.from(pkg);
      bad[at] ^= 0x01;
      await refused(bad, /已损坏|不是数据交换包|不完整/);
    }
  });

  it('truncated', async () => {
    for (const n of [pkg.length - 1, Math.floor(pkg.length / 2), 40, 3]) await refused(pkg.subarray(0, n), /不完整|已损坏|不是数据交换包/);
  });

  it('meant for another office', async () => {
    const toRonggui = (await exportPackage(district.session, RONGGUI)).bytes;
    // 大良 trusts the district, but the package is 容桂's.
    await refused(toRonggui, /是发给容桂组织办的，不是本单位（大良组织办）/, town);
  });

  it('from an office not trusted', async () => {
    const fromStranger = (await exportPackage(stranger.session, DISTRICT)).bytes;
    await refused(fromStranger, /杏坛组织办，该单位不在本单位的受信任单位中/);
  });

  it('replay of a package already imported', async () => {
    const p = await exportPackage(other.session, DISTRICT);
    await commitPackage(district.session, p.bytes, 'rg1.cdx', 'all');
    await refused(p.bytes, /容桂组织办的第 1 号数据包已于 .* 导入过，不能重复导入/);
  });

  it('out of order: an older package after a newer one', async () => {
    const p2 = await exportPackage(other.session, DISTRICT);
    const p3 = await exportPackage(other.session, DISTRICT);
    await commitPackage(district.session, p3.bytes, 'rg3.cdx', 'all');
    await refused(p2.bytes, new RegExp(`第 ${p2.sequence} 号数据包比已导入的第 ${p3.sequence} 号旧`));
  });

  it('a 镇街 package touching another 镇街’s records', async () => {
    // 大良 signs a package carrying a 容桂 village: a real, trusted signature over data 大良 does not own.
    const { keys } = requireIdentity(town.session.doc);
    const rgVillage = town.session.doc.villages.find((v) => v.townCode === RONGGUI)!;
    const districtBox = town.session.doc.exchange.trusted.find((t) => t.office === DISTRICT)!.boxPublic;
    const forged = sealPackage(
      { packageId: 'forged-1', from: DALIANG, to: DISTRICT, sequence: 99, base: 0, full: false, createdAt: new Date().toISOString(), senderKey: fingerprint(DALIANG, keys.signPublic, keys.boxPublic) },
      { records: { villages: [rgVillage] }, tombstones: {} },
      privateKey(keys.signPrivate),
      publicKey(districtBox),
    );
    await refused(forged, new RegExp(`村（社区）“${rgVillage.name}”属于容桂，只能修改本镇街的记录`));
    // …nor may it delete one the district holds for 容桂.
    const heldRg = district.session.doc.villages.find((v) => v.townCode === RONGGUI);
    if (heldRg) {
      const forgedDelete = sealPackage(
        { packageId: 'forged-2', from: DALIANG, to: DISTRICT, sequence: 100, base: 0, full: false, createdAt: new Date().toISOString(), senderKey: fingerprint(DALIANG, keys.signPublic, keys.boxPublic) },
        { records: {}, tombstones: { villages: [{ id: heldRg.id, deletedAt: new Date().toISOString() }] } },
        privateKey(keys.signPrivate),
        publicKey(districtBox),
      );
      await refused(forgedDelete, /要删除本库中属于容桂的村（社区）/);
    }
    // District-only data from a town is refused too.
    const forgedPilot = sealPackage(
      { packageId: 'forged-3', from: DALIANG, to: DISTRICT, sequence: 101, base: 0, full: false, createdAt: new Date().toISOString(), senderKey: fingerprint(DALIANG, keys.signPublic, keys.boxPublic) },
      { records: { crossPilots: [{ id: 'p-x', villageId: town.session.doc.villages[0].id }] }, tombstones: {} },
      privateKey(keys.signPrivate),
      publicKey(districtBox),
    );
    await refused(forgedPilot, /跨村任职岗位，这类记录只能由区委组织部下发/);
  });

  it('a tombstone for a record the receiver changed since is a conflict, and stays unless accepted', async () => {
    // Fresh base: district takes the full package and acknowledges it.
    const r = await commitPackage(district.session, (await exportPackage(town.session, DISTRICT, { full: true })).bytes, 'full.cdx', 'all');
    await applyReceipt(town.session, Buffer.from(r.receipt.base64, 'base64'));
    const victim = district.session.doc.cadres.find((c) => c.villageId && town.session.doc.cadres.some((t) => t.id === c.id && !t.deletedAt))!;
    await district.session.mutate((doc) => {
      doc.cadres.find((c) => c.id === victim.id)!.rewards = '区里补充的奖惩';
    });
    await town.session.mutate((doc) => {
      doc.cadres.find((c) => c.id === victim.id)!.deletedAt = new Date().toISOString();
    });
    const p = await exportPackage(town.session, DISTRICT);
    expect(p.tombstones).toEqual({ cadres: 1 });
    const plan = planPackage(district.session.doc, p.bytes);
    expect(plan.preview.changes).toEqual([expect.objectContaining({ id: victim.id, status: 'deleted', conflict: true })]);
    await commitPackage(district.session, p.bytes, 'del.cdx', 'nonConflicting');
    expect(district.session.doc.cadres.find((c) => c.id === victim.id)?.deletedAt).toBeUndefined();
  });
});

describe('undo', () => {
  it('an imported package is undone as one batch, and may then be imported again', async () => {
    const c = town.session.doc.cadres.find((x) => !x.deletedAt && x.villageId && town.session.doc.villages.find((v) => v.id === x.villageId)?.townCode === DALIANG)!;
    await town.session.mutate((doc) => {
      doc.cadres.find((x) => x.id === c.id)!.nativePlace = '广东顺德（撤销测试）';
    });
    const p = await exportPackage(town.session, DISTRICT);
    const r = await commitPackage(district.session, p.bytes, 'undo.cdx', 'all');
    expect(district.session.doc.cadres.find((x) => x.id === c.id)?.nativePlace).toBe('广东顺德（撤销测试）');
    const before = district.session.doc.cadres.find((x) => x.id === c.id)!;
    expect(before).toBeTruthy();
    const u = await undoBatch(district.session, r.batchId);
    expect(u.restored).toBeGreaterThan(0);
    expect(district.session.doc.cadres.find((x) => x.id === c.id)?.nativePlace).not.toBe('广东顺德（撤销测试）');
    const again = planPackage(district.session.doc, p.bytes);
    expect(again.preview.changes.some((x) => x.id === c.id && x.fields.some((f) => f.field === 'nativePlace'))).toBe(true);
  });
});

it('every collection a package carries has an owner rule', () => {
  for (const rule of Object.values(EXCHANGED_COLLECTIONS)) expect(['town', 'district']).toContain(rule.owner);
});

it('(last: its sequence 102 is then the newest from 大良) a record that would not pass the form is shown with the reason and never lands, even on accept all', async () => {
  const { keys } = requireIdentity(town.session.doc);
  const districtBox = town.session.doc.exchange.trusted.find((t) => t.office === DISTRICT)!.boxPublic;
  const good = town.session.doc.cadres.find((c) => !c.deletedAt && town.session.doc.villages.find((v) => v.id === c.villageId)?.townCode === DALIANG)!;
  const bad = { ...structuredClone(good), id: 'bad-cadre-1', idNumber: '440606198001011234' };
  const forged = sealPackage(
    { packageId: 'forged-4', from: DALIANG, to: DISTRICT, sequence: 102, base: 0, full: false, createdAt: new Date().toISOString(), senderKey: fingerprint(DALIANG, keys.signPublic, keys.boxPublic) },
    { records: { cadres: [bad] }, tombstones: {} },
    privateKey(keys.signPrivate),
    publicKey(districtBox),
  );
  const plan = planPackage(district.session.doc, forged);
  expect(plan.preview.changes).toEqual([expect.objectContaining({ id: 'bad-cadre-1', status: 'new', blocked: expect.stringMatching(/^内容不符合要求：.*身份证.*（idNumber），不能导入$/) })]);
  await commitPackage(district.session, forged, 'bad.cdx', 'all');
  expect(district.session.doc.cadres.some((c) => c.id === 'bad-cadre-1')).toBe(false);
});
