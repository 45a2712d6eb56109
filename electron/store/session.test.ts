import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emptyDocument } from '../../shared/domain/document.js';
import { OpenVault, readVault } from '../vault/vault.js';
import { deriveMasterKey, readHeader } from '../vault/format.js';
import { verifyAudit } from './audit.js';
import { Session } from './session.js';

const dir = mkdtempSync(join(tmpdir(), 'cadre-session-'));
const path = join(dir, 'vault.cdv');
let session: Session;
beforeAll(async () => {
  session = new Session(await OpenVault.create(path, 'session-pass', emptyDocument()), '李组织');
});
afterAll(() => {
  session.vault.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a change and its audit entry are saved together', async () => {
  await session.mutate((doc, audit) => {
    doc.settings.autoLockMinutes = 30;
    audit({ action: 'settings.update', entity: 'settings', recordId: '', summary: '修改设置' });
  });
  const { doc } = await readVault(path, 'session-pass');
  expect(doc.settings.autoLockMinutes).toBe(30);
  expect(doc.audit.map((a) => [a.operator, a.action])).toEqual([['李组织', 'settings.update']]);
  expect(verifyAudit(doc.audit).ok).toBe(true);
});

it('a change that throws half-way leaves memory and disk as they were', async () => {
  const before = readFileSync(path);
  await expect(
    session.mutate((doc, audit) => {
      doc.settings.autoLockMinutes = 99;
      audit({ action: 'settings.update', entity: 'settings', recordId: '', summary: '不应保存' });
      throw new Error('validation failed');
    }),
  ).rejects.toThrow('validation failed');
  expect(session.doc.settings.autoLockMinutes).toBe(30);
  expect(session.doc.audit).toHaveLength(1);
  expect(readFileSync(path).equals(before)).toBe(true);
});

it('a read-only session refuses changes before running them', async () => {
  const master = await deriveMasterKey('session-pass', readHeader(readFileSync(path)).header.kdf);
  const ro = new Session(OpenVault.openWithKey(path, readFileSync(path), master, readHeader(readFileSync(path)).header.kdf), '王某');
  let ran = false;
  await expect(ro.mutate(() => (ran = true))).rejects.toMatchObject({ code: 'READ_ONLY' });
  expect(ran).toBe(false);
  ro.vault.close();
});

it('when the folder vanishes mid-save, the failed change is never written later', async () => {
  const sdir = mkdtempSync(join(tmpdir(), 'cadre-session-gone-'));
  const spath = join(sdir, 'vault.cdv');
  const s = new Session(await OpenVault.create(spath, 'session-pass', emptyDocument()), '李组织');
  const saved = readFileSync(spath);
  rmSync(sdir, { recursive: true, force: true });
  await expect(s.mutate((doc) => void (doc.settings.autoLockMinutes = 77))).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining('保存失败') });
  // The stick is back with the vault as it was.
  mkdirSync(sdir);
  writeFileSync(spath, saved, { mode: 0o600 });
  await s.mutate((doc) => void (doc.settings.backupsToKeep = 5));
  const { doc } = await readVault(spath, 'session-pass');
  expect(doc.settings.backupsToKeep).toBe(5);
  expect(doc.settings.autoLockMinutes).toBe(15);
  s.vault.close();
  rmSync(sdir, { recursive: true, force: true });
});

it('changes fired together are saved one at a time, in order, each seeing the one before', async () => {
  const order: string[] = [];
  const names = ['甲', '乙', '丙', '丁'];
  // Not awaited one by one: the page may send the next change while a save is still being written.
  await Promise.all(
    names.map((name, i) =>
      session
        .mutate((doc) => {
          expect(doc.importTemplates.map((t) => t.name)).toEqual(names.slice(0, i));
          doc.importTemplates.push({ name, mapping: {} });
        })
        .then(() => order.push(name)),
    ),
  );
  expect(order).toEqual(names);
  const { doc } = await readVault(path, 'session-pass');
  expect(doc.importTemplates.map((t) => t.name)).toEqual(names);
  await session.mutate((d) => void (d.importTemplates = []));
});

it('a change that fails while the next is queued rolls back only itself', async () => {
  const before = session.doc.settings.autoLockMinutes;
  const first = session.mutate((doc) => {
    doc.settings.autoLockMinutes = 33;
    throw new Error('中途失败');
  });
  const second = session.mutate((doc) => void (doc.settings.backupsToKeep = 7));
  await expect(first).rejects.toThrow('中途失败');
  await second;
  const { doc } = await readVault(path, 'session-pass');
  expect(doc.settings.autoLockMinutes).toBe(before);
  expect(session.doc.settings.autoLockMinutes).toBe(before);
  expect(doc.settings.backupsToKeep).toBe(7);
});
