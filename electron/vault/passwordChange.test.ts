/**
 * A password change must leave nothing that opens with the old (perhaps leaked) password: not
 * the vault, not a backup, not a `.damaged-*` copy. Checked file by file with the real
 * decryption, for both choices, and for a copy that cannot be rewritten midway.
 */
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/define.js';
import { emptyDocument } from '../../shared/domain/document.js';
import { oldCopiesSummary } from '../../shared/domain/oldCopies.js';
import { AppState } from '../handlers/appState.js';
import { browserPlatform } from '../platform/browser.js';
import { plain } from '../workers/rawJson.js';
import { vaultHandlers } from '../handlers/vault.js';
import { Session } from '../store/session.js';
import { backupDir, listBackups } from './backups.js';
import { decodeVault, deriveMasterKey, encodeVault, newKdf, readHeader } from './format.js';
import { encodePayload } from './payload.js';
import { OpenVault, parseDocument, restoreBackup } from './vault.js';
import { bindFile, fillUp, mountSupport, tmpfs, unmountAll } from './testing/mounts.js';

const OLD = 'Old-pass-2025-旧';
const NEW = 'New-pass-2026-新';
const ANCIENT = 'Ancient-pass-2024';

const dirs: string[] = [];
afterAll(() => {
  unmountAll();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Derived keys by password and KDF salt: each scrypt costs most of a second. */
const keys = new Map<string, Buffer>();
async function keyFor(file: Buffer, password: string): Promise<Buffer> {
  const { kdf } = readHeader(file).header;
  const id = `${password}\n${kdf.salt}`;
  if (!keys.has(id)) keys.set(id, await deriveMasterKey(password, kdf));
  return keys.get(id)!;
}

/** Which of the given passwords open `path`, and the 模板 names inside (the state it holds). */
async function opensWith(path: string, passwords: string[]): Promise<{ passwords: string[]; templates?: string[] }> {
  const file = readFileSync(path);
  const ok: string[] = [];
  let templates: string[] | undefined;
  for (const pw of passwords) {
    try {
      const doc = parseDocument(decodeVault(file, await keyFor(file, pw)).plaintext);
      ok.push(pw);
      templates = doc.importTemplates.map((t) => t.name);
    } catch (e) {
      expect((e as AppError).code).toBe('WRONG_PASSWORD');
    }
  }
  return { passwords: ok, templates };
}

/**
 * A vault under OLD with three backups of different states, a backup made under an even older
 * password (as 0.1.x left them after a password change), a `.damaged-*` copy that still decrypts
 * and one that does not. Built once; each test works on its own copy, opened with the known key.
 */
let template: string;
let oldKey: Buffer;
const states = new Map<string, string[]>();

beforeAll(async () => {
  template = mkdtempSync(join(tmpdir(), 'cadre-pwchange-template-'));
  dirs.push(template);
  const path = join(template, 'vault.cdv');
  const doc = emptyDocument('2026-01-01T00:00:00.000Z');
  doc.importTemplates = [{ name: 'v0', mapping: {} }];
  const vault = await OpenVault.create(path, OLD, doc);
  for (const name of ['v1', 'v2', 'v3']) {
    vault.doc.importTemplates.push({ name, mapping: {} });
    vault.save();
    vault.backup();
  }
  vault.close();
  const ancientKdf = newKdf();
  const ancientDoc = emptyDocument('2024-01-01T00:00:00.000Z');
  ancientDoc.importTemplates = [{ name: 'ancient', mapping: {} }];
  writeFileSync(join(backupDir(path), '20240101T000000Z-000000-vault.cdv'), encodeVault(encodePayload(ancientDoc), await deriveMasterKey(ANCIENT, ancientKdf), ancientKdf), { mode: 0o600 });
  copyFileSync(path, `${path}.damaged-1767225600000`);
  writeFileSync(`${path}.damaged-1767225600001`, Buffer.from('CADREVLT not a frame'));
  for (const b of listBackups(path)) states.set(b.file, (await opensWith(join(backupDir(path), b.file), [OLD, ANCIENT])).templates!);
  oldKey = await keyFor(readFileSync(path), OLD);
}, 60_000);

function vaultWithHistory(): { dir: string; path: string; vault: OpenVault } {
  const dir = mkdtempSync(join(tmpdir(), 'cadre-pwchange-'));
  dirs.push(dir);
  cpSync(template, dir, { recursive: true, preserveTimestamps: true });
  const path = join(dir, 'vault.cdv');
  const file = readFileSync(path);
  return { dir, path, vault: OpenVault.openWithKey(path, file, Buffer.from(oldKey), readHeader(file).header.kdf) };
}

describe('password change and the older copies', () => {
  it('re-encrypts every backup and damaged copy the old password opened: none opens with it afterwards, each holds the same state', async () => {
    const { dir, path, vault } = vaultWithHistory();
    const mtimes = new Map(listBackups(path).map((b) => [b.file, b.at]));
    const app = new AppState(browserPlatform(path));
    app.open(new Session(vault, '李组织'));

    const result = plain(await vaultHandlers['vault.changePassword']({ oldPassword: OLD, newPassword: NEW, oldBackups: 'reencrypt' }, app));
    expect(app.session!.doc.audit.at(-1)).toMatchObject({ action: 'vault.changePassword' });
    app.dispose();

    expect(await opensWith(path, [OLD, NEW])).toMatchObject({ passwords: [NEW], templates: ['v0', 'v1', 'v2', 'v3'] });
    for (const b of listBackups(path)) {
      const ancient = b.file.startsWith('20240101'); // made before the last change: neither OLD nor NEW opens it
      const seen = await opensWith(join(backupDir(path), b.file), ancient ? [OLD, NEW, ANCIENT] : [OLD, NEW]);
      expect(seen.passwords, b.file).toEqual(ancient ? [ANCIENT] : [NEW]);
      if (states.has(b.file)) expect(seen.templates, b.file).toEqual(states.get(b.file));
      if (mtimes.has(b.file)) expect(b.at, 'the restore list keeps showing when the backup was made').toBe(mtimes.get(b.file));
    }
    expect((await opensWith(`${path}.damaged-1767225600000`, [OLD, NEW])).passwords).toEqual([NEW]);
    expect(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    // What the user is told: 3 backups (the snapshot taken before the change equals the newest one)
    // + the damaged copy that still decrypted; the two it could not handle are named.
    expect(result).toMatchObject({ ok: true, choice: 'reencrypt', done: 4 });
    expect(result.left.map((l) => l.file).sort()).toEqual(['20240101T000000Z-000000-vault.cdv', 'vault.cdv.damaged-1767225600001']);
    expect(oldCopiesSummary(result)).toContain('4 份较早的备份已一并改用新密码重新加密');

    // A re-encrypted backup restores with the new password, and not with the old one.
    const first = listBackups(path).find((b) => !b.file.startsWith('20240101'))!;
    expect(((await restoreBackup(path, first.file, OLD).catch((e: AppError) => e)) as AppError).code).toBe('WRONG_PASSWORD');
    await restoreBackup(path, first.file, NEW);
    expect((await opensWith(path, [NEW])).templates).toEqual(states.get(first.file));
  });

  it('deleting instead: no backup is left, the vault opens only with the new password, a damaged copy no password opens is kept and named', async () => {
    const { dir, path, vault } = vaultWithHistory();
    const app = new AppState(browserPlatform(path));
    app.open(new Session(vault, '李组织'));
    const result = plain(await vaultHandlers['vault.changePassword']({ oldPassword: OLD, newPassword: NEW, oldBackups: 'delete' }, app));
    expect(result).toMatchObject({ choice: 'delete', done: 5 }); // 4 backups (any password) + the readable damaged copy
    expect(result.left.map((l) => l.file)).toEqual(['vault.cdv.damaged-1767225600001']);
    expect(oldCopiesSummary(result)).toContain('已删除 5 份较早的备份');
    // The audit entry of the change is saved without bringing a backup back.
    await app.session!.mutate((d) => void d.importTemplates.push({ name: 'after', mapping: {} }));
    app.dispose();
    expect(readdirSync(backupDir(path))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['vault.cdv', 'vault.cdv.backups', 'vault.cdv.damaged-1767225600001']);
    expect(await opensWith(path, [OLD, NEW])).toMatchObject({ passwords: [NEW], templates: ['v0', 'v1', 'v2', 'v3', 'after'] });
  });

  it('a wrong old password changes nothing', async () => {
    const { path, vault } = vaultWithHistory();
    const before = new Map(readdirSync(backupDir(path)).map((f) => [f, readFileSync(join(backupDir(path), f))]));
    const e = await vault.changePassword('not-the-password', NEW).catch((x: AppError) => x);
    expect((e as AppError).message).toBe('原密码错误');
    vault.close();
    for (const [f, bytes] of before) expect(readFileSync(join(backupDir(path), f)).equals(bytes)).toBe(true);
    expect((await opensWith(path, [OLD, NEW])).passwords).toEqual([OLD]);
  });
});

describe.skipIf(mountSupport !== null)('password change on a disk that refuses writes (real mounts)', () => {
  it('a full disk: 密码未修改 with the reason, and every file still opens with the old password only', async () => {
    const dir = tmpfs(2 * 1024 * 1024);
    cpSync(template, dir, { recursive: true, preserveTimestamps: true });
    const path = join(dir, 'vault.cdv');
    const file = readFileSync(path);
    const vault = OpenVault.openWithKey(path, file, Buffer.from(oldKey), readHeader(file).header.kdf);
    fillUp(dir);
    const e = (await vault.changePassword(OLD, NEW).catch((x: AppError) => x)) as AppError;
    vault.close();
    expect(e.message).toMatch(/^密码未修改：保存失败：磁盘已满/);
    expect((await opensWith(path, [OLD, NEW])).passwords).toEqual([OLD]);
    for (const b of listBackups(path)) {
      if (!b.file.startsWith('20240101')) expect((await opensWith(join(backupDir(path), b.file), [OLD])).passwords).toEqual([OLD]);
    }
    expect(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });


  it('one backup cannot be rewritten (EBUSY): every file still opens with one of the two passwords, and the report names the one left on the old password', async () => {
    const { path, vault } = vaultWithHistory();
    const stuck = listBackups(path)[2].file; // the v2 backup
    const stuckPath = join(backupDir(path), stuck);
    copyFileSync(stuckPath, `${stuckPath}.source`);
    bindFile(`${stuckPath}.source`, stuckPath); // a rename over it fails with EBUSY, as a file held open on Windows
    const report = await vault.changePassword(OLD, NEW);
    vault.close();
    expect(report.done).toBe(3);
    const left = report.left.find((l) => l.file === stuck);
    expect(left?.reason).toContain('重新加密失败：文件被占用');
    expect(oldCopiesSummary(report)).toContain('可能仍可用原密码或更早的密码打开');
    expect(oldCopiesSummary(report)).toContain(`${stuck}（重新加密失败：文件被占用`);

    expect((await opensWith(path, [OLD, NEW])).passwords).toEqual([NEW]);
    for (const b of listBackups(path)) {
      const seen = await opensWith(join(backupDir(path), b.file), b.file.startsWith('20240101') ? [OLD, NEW, ANCIENT] : [OLD, NEW]);
      expect(seen.passwords.length, b.file).toBe(1);
      if (b.file === stuck) expect(seen.passwords).toEqual([OLD]);
    }
    expect(statSync(stuckPath).size).toBeGreaterThan(0);
  });
});
