/**
 * 数据交换 figures (issue 16): a 镇街 vault of 5 000 cadres, each with a ~20 KB photo, sends a full
 * package to an empty district vault; then 10 cadres are edited and an incremental package goes.
 *   fullWrite     = exportPackage: choose records, hash, deflate, encrypt, sign — plus the vault save
 *                   that records the sequence (sealOnly = the same without the save)
 *   fullRead      = planPackage on the district: checksum, signature, decrypt, ownership, per-record preview
 *   fullCommit    = commitPackage (landing 5 000 records and saving the district vault; no target)
 *   incremental*  = the same for 10 changed cadres after the receipt
 * Targets: full write ≤ 5 s, read + preview ≤ 5 s, incremental ≤ 300 ms.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyDocument } from '../../shared/domain/document.js';
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { exportPackage, ownedRecords } from '../../electron/exchange/exportPackage.js';
import { sealPackage } from '../../electron/exchange/format.js';
import { ownPublicKeyFile, requireIdentity, setOffice, trustOffice } from '../../electron/exchange/identity.js';
import { privateKey, publicKey } from '../../electron/exchange/keys.js';
import { commitPackage, planPackage } from '../../electron/exchange/landing.js';
import { applyReceipt } from '../../electron/exchange/receipts.js';
import { Session } from '../../electron/store/session.js';
import { OpenVault } from '../../electron/vault/vault.js';

export const name = 'exchange';

const CADRES = 5000;
const PHOTO_BYTES = 20_000;
const ms = (t: number) => Math.round(performance.now() - t);
const step = (what: string) => console.error(`[bench exchange] ${new Date().toISOString().slice(11, 19)} ${what}`);

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'cadre-bench-exchange-'));
  try {
    const doc = buildDemoDocument({ cadres: CADRES, seed: 16 });
    // One 镇街 holding all of them, every cadre with a photo (random bytes: JPEG does not compress).
    for (const v of doc.villages) v.townCode = '440606005';
    for (const c of doc.cadres) c.photo = randomBytes(PHOTO_BYTES).toString('base64');
    step('vaults');
    const town = new Session(await OpenVault.create(join(dir, 'town.cdv'), 'bench-pass-1', doc), '镇');
    const district = new Session(await OpenVault.create(join(dir, 'district.cdv'), 'bench-pass-1', emptyDocument()), '区');
    await setOffice(town, '440606005');
    await setOffice(district, '440606');
    const tk = ownPublicKeyFile(town.doc);
    const dk = ownPublicKeyFile(district.doc);
    await trustOffice(district, tk.text, tk.fingerprint);
    await trustOffice(town, dk.text, dk.fingerprint);

    step('seal only');
    // The package alone, without the vault save that records its sequence.
    let t = performance.now();
    const { owned } = ownedRecords(town.doc, '440606005', '440606');
    const { keys } = requireIdentity(town.doc);
    sealPackage(
      { packageId: 'bench', from: '440606005', to: '440606', sequence: 0, base: 0, full: true, createdAt: '', senderKey: tk.fingerprint },
      { records: owned, tombstones: {} },
      privateKey(keys.signPrivate),
      publicKey(district.doc.exchange.trusted[0].boxPublic),
    );
    const sealOnly = ms(t);

    step('full export');
    t = performance.now();
    const full = await exportPackage(town, '440606');
    const fullWrite = ms(t);
    t = performance.now();
    const plan = planPackage(district.doc, full.bytes);
    const fullRead = ms(t);
    step('full commit');
    t = performance.now();
    const landed = await commitPackage(district, full.bytes, 'full.cdx', 'all');
    const fullCommit = ms(t);
    await applyReceipt(town, Buffer.from(landed.receipt.base64, 'base64'));

    step('incremental');
    await town.mutate((d) => {
      for (const c of d.cadres.slice(0, 10)) c.phone = '13900000000';
    });
    t = performance.now();
    const inc = await exportPackage(town, '440606');
    const incrementalWrite = ms(t);
    t = performance.now();
    const incPlan = planPackage(district.doc, inc.bytes);
    const incrementalRead = ms(t);
    town.vault.close();
    district.vault.close();
    return {
      cadres: CADRES,
      photoBytes: PHOTO_BYTES,
      packageMB: +(full.bytes.length / 1e6).toFixed(1),
      previewRows: plan.preview.changes.length,
      sealOnlyMs: sealOnly,
      fullWriteMs: fullWrite,
      fullReadPreviewMs: fullRead,
      fullCommitMs: fullCommit,
      incrementalRecords: Object.values(inc.records).reduce((a, b) => a + b, 0),
      incrementalBytes: inc.bytes.length,
      incrementalWriteMs: incrementalWrite,
      incrementalReadPreviewMs: incrementalRead,
      incrementalPreviewRows: incPlan.preview.changes.length,
      loadavg: loadavg().map((x) => +x.toFixed(1)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
