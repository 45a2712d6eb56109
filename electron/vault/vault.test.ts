import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/define.js';
import { emptyDocument, type VaultDocument } from '../../shared/domain/document.js';
import { decodePayload } from './payload.js';
import { decodeVault, deriveMasterKey, encodeVault, encodeVaultParts, FORMAT_VERSION, readHeader, type KdfParams } from './format.js';
import { backupDir, listBackups } from './backups.js';
import { OpenVault, readVault, restoreBackup } from './vault.js';
import { flipBit, splitFrame, withHeader } from './testing/craft.js';
import { rejectionOf } from './testing/rejection.js';

const PW = 'Shunde-2023-档案';

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an error, got none');
}

let dir: string;
let path: string;
let good: Buffer;
let master: Buffer;
let kdf: KdfParams;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-vault-'));
  path = join(dir, 'vault.cdv');
  const doc = emptyDocument('2026-01-01T00:00:00.000Z');
  doc.importTemplates = [{ name: '花名册', mapping: { 姓名: 'name', 身份证号码: 'idNumber' } }];
  const v = await OpenVault.create(path, PW, doc);
  v.close();
  good = readFileSync(path);
  kdf = readHeader(good).header.kdf;
  master = await deriveMasterKey(PW, kdf);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vault fault table', () => {
  it('opens the untouched file with the right password', async () => {
    const v = await OpenVault.open(path, PW);
    expect(v.doc.importTemplates[0].mapping['姓名']).toBe('name');
    v.close();
  });

  it('wrong password → WRONG_PASSWORD 密码错误', async () => {
    const e = await rejectionOf(OpenVault.open(path, 'Shunde-2023-档按'));
    expect(e.code).toBe('WRONG_PASSWORD');
    expect(e.message).toBe('密码错误');
  });

  const damaged: [string, (f: Buffer) => Buffer, RegExp][] = [
    ['magic byte flipped', (f) => flipBit(f, 0), /不是干部档案库文件/],
    ['header JSON byte flipped', (f) => flipBit(f, splitFrame(f).headerStart + 12, 1), /文件头校验失败/],
    ['header length field flipped', (f) => flipBit(f, 13, 0), /文件头校验失败|文件不完整/],
    ['header digest byte flipped', (f) => flipBit(f, splitFrame(f).aadEnd + 3), /文件头校验失败/],
    // Without the digest covering it, this one would read as 密码错误.
    ['key-check byte flipped', (f) => flipBit(f, splitFrame(f).aadEnd + 40), /文件头校验失败/],
    ['ciphertext bit flipped', (f) => flipBit(f, splitFrame(f).aadEnd + 64 + 10, 4), /数据校验失败/],
    ['last ciphertext byte flipped', (f) => flipBit(f, f.length - 17, 7), /数据校验失败/],
    ['tag bit flipped', (f) => flipBit(f, f.length - 5, 2), /数据校验失败/],
    ['truncated to nothing', () => Buffer.alloc(0), /不是干部档案库文件/],
    ['truncated inside the magic', (f) => f.subarray(0, 5), /不是干部档案库文件/],
    ['truncated inside the header', (f) => f.subarray(0, splitFrame(f).headerStart + 20), /文件不完整/],
    ['truncated inside the key-check', (f) => f.subarray(0, splitFrame(f).aadEnd + 40), /文件不完整/],
    ['truncated inside the ciphertext', (f) => f.subarray(0, splitFrame(f).aadEnd + 64 + 20), /数据校验失败/],
    ['truncated tag (1 byte short)', (f) => f.subarray(0, f.length - 1), /数据校验失败/],
    ['truncated tag (8 bytes short)', (f) => f.subarray(0, f.length - 8), /数据校验失败/],
    ['tag missing entirely', (f) => f.subarray(0, f.length - 16), /数据校验失败/],
    ['bytes appended', (f) => Buffer.concat([f, Buffer.from('xx')]), /数据校验失败/],
  ];

  it.each(damaged)('%s → DAMAGED 文件已损坏, never 密码错误', (_name, damage, why) => {
    const e = errorOf(() => decodeVault(damage(good), master));
    expect(e.code).toBe('DAMAGED');
    expect(e.message).toMatch(/^文件已损坏/);
    expect(e.message).toMatch(why);
  });

  it('a damaged file on disk is reported as 文件已损坏 through the full unlock path', async () => {
    const bad = join(dir, 'flipped.cdv');
    writeFileSync(bad, flipBit(good, splitFrame(good).aadEnd + 64 + 3));
    const e = await rejectionOf(OpenVault.open(bad, PW));
    expect(e.code).toBe('DAMAGED');
    expect(e.message).toContain('请从备份恢复');
  });

  it('the header crafter itself keeps a good file good (control for the KDF cases)', () => {
    const same = withHeader(good, () => {});
    expect(same.equals(good)).toBe(true);
    expect(decodeVault(same, master).plaintext.length).toBeGreaterThan(0);
  });

  const kdfCases: [string, Partial<KdfParams>, RegExp][] = [
    ['N below the floor (2^16)', { N: 2 ** 16 }, /低于安全下限/],
    ['r below the floor', { r: 4 }, /低于安全下限/],
    ['N above the ceiling (2^22)', { N: 2 ** 22 }, /超出上限/],
    ['r above the ceiling', { r: 32 }, /超出上限/],
    ['p above the ceiling', { p: 64 }, /超出上限/],
    ['memory above the ceiling (N 2^18, r 16 = 512 MiB)', { N: 2 ** 18, r: 16 }, /超出上限/],
    ['N not a power of two', { N: 150_000 }, /无法识别/],
    ['r not a number', { r: '8' as unknown as number }, /无法识别/],
    ['p zero', { p: 0 }, /无法识别/],
  ];

  it.each(kdfCases)('KDF %s is refused before any key derivation', async (_name, change, why) => {
    const crafted = withHeader(good, (h) => Object.assign(h.kdf, change));
    const e = errorOf(() => readHeader(crafted));
    expect(e.code).toBe('DAMAGED');
    expect(e.message).toMatch(why);
    // Through the real unlock path too: the refusal comes from the KDF check, quickly.
    const file = join(dir, 'kdf.cdv');
    writeFileSync(file, crafted);
    const started = Date.now();
    const e2 = await rejectionOf(OpenVault.open(file, PW));
    expect(e2.message).toMatch(why);
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('a file saved by a newer frame version asks for an upgrade', () => {
    const newer = Buffer.from(good);
    newer.writeUInt16BE(9, 8);
    const e = errorOf(() => readHeader(newer));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('较新版本');
  });

  it('still opens frame version 1 files (digest over the header only)', () => {
    const plaintext = Buffer.from(JSON.stringify(emptyDocument('2025-05-05T00:00:00.000Z')));
    const v1 = encodeVault(plaintext, master, kdf, 1);
    expect(splitFrame(v1).version).toBe(1);
    expect(decodeVault(v1, master).plaintext.equals(plaintext)).toBe(true);
  });

  it('encrypts slice by slice, cut points anywhere, and decrypts to the same bytes', () => {
    // Slices of 1–7 bytes cut through the multi-byte UTF-8 of '😀' and 档.
    const plaintext = Buffer.from(JSON.stringify({ note: 'abc😀档案de😀😀f', n: 1 }), 'utf8');
    for (let slice = 1; slice <= 7; slice++) {
      const file = Buffer.concat(encodeVaultParts(plaintext, master, kdf, FORMAT_VERSION, slice));
      expect(decodeVault(file, master).plaintext.equals(plaintext)).toBe(true);
    }
  });

  it('draws a fresh salt and nonce on every save', () => {
    const p = Buffer.from('{}');
    const a = splitFrame(encodeVault(p, master, kdf)).header;
    const b = splitFrame(encodeVault(p, master, kdf)).header;
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.saveSalt).not.toBe(b.saveSalt);
    expect(Buffer.from(a.nonce, 'base64')).toHaveLength(12);
  });
});

describe('file permissions', () => {
  it.skipIf(process.platform === 'win32')('vault and backups are 0600, the backup folder 0700', () => {
    const v = OpenVault.openWithKey(path, readFileSync(path), Buffer.from(master), kdf);
    v.backup();
    v.doc.meta.createdAt = 'changed';
    v.save();
    v.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(backupDir(path)).mode & 0o777).toBe(0o700);
    for (const b of listBackups(path)) expect(statSync(join(backupDir(path), b.file)).mode & 0o777).toBe(0o600);
  });
});

describe('one writer', () => {
  it('a second opener in the same process gets a read-only vault that refuses every write', () => {
    const first = OpenVault.openWithKey(path, readFileSync(path), Buffer.from(master), kdf);
    const second = OpenVault.openWithKey(path, readFileSync(path), Buffer.from(master), kdf);
    try {
      expect(first.readOnly).toBe(false);
      expect(second.readOnly).toBe(true);
      expect(second.lockHolder?.pid).toBe(process.pid);
      expect(errorOf(() => second.save()).code).toBe('READ_ONLY');
      expect(errorOf(() => second.backup()).code).toBe('READ_ONLY');
    } finally {
      second.close();
      first.close();
    }
    // The first one's close released the lock: the next opener writes again.
    const third = OpenVault.openWithKey(path, readFileSync(path), Buffer.from(master), kdf);
    expect(third.readOnly).toBe(false);
    third.close();
  });

  it('two simultaneous creators of one vault: exactly one wins, the other is refused', async () => {
    const rdir = mkdtempSync(join(tmpdir(), 'cadre-race-'));
    const rpath = join(rdir, 'vault.cdv');
    const results = await Promise.allSettled([OpenVault.create(rpath, 'password-A-1', emptyDocument()), OpenVault.create(rpath, 'password-B-2', emptyDocument())]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(['READ_ONLY', 'CONFLICT']).toContain((lost[0].reason as AppError).code);
    (won[0]).value.close();
    const winner = results[0].status === 'fulfilled' ? 'password-A-1' : 'password-B-2';
    await expect(readVault(rpath, winner)).resolves.toBeTruthy();
    rmSync(rdir, { recursive: true, force: true });
  });

  it('refuses to restore a backup over a vault another opener holds', async () => {
    const holder = OpenVault.openWithKey(path, readFileSync(path), Buffer.from(master), kdf);
    try {
      holder.backup();
      const file = listBackups(path).at(-1)!.file;
      const e = await rejectionOf(restoreBackup(path, file, PW));
      expect(e.code).toBe('READ_ONLY');
      expect(e.message).toContain('请先关闭它再恢复备份');
    } finally {
      holder.close();
    }
  });
});

describe('backups', () => {
  let bdir: string;
  let vpath: string;
  beforeAll(() => {
    bdir = mkdtempSync(join(tmpdir(), 'cadre-backup-'));
    vpath = join(bdir, 'vault.cdv');
    writeFileSync(vpath, good, { mode: 0o600 });
  });
  afterAll(() => rmSync(bdir, { recursive: true, force: true }));

  it('keeps the newest N verified snapshots, each of which opens', () => {
    const v = OpenVault.openWithKey(vpath, readFileSync(vpath), Buffer.from(master), kdf);
    for (let i = 1; i <= 5; i++) {
      v.doc.meta.createdAt = `state-${i}`;
      v.save(); // vault now holds state-i
      v.backup(3); // snapshot of state-i
    }
    v.close();
    const list = listBackups(vpath);
    expect(list.map((b) => b.file.split('-')[1])).toEqual(['000004', '000005', '000006']);
    const states = list.map((b) => (decodePayload(decodeVault(readFileSync(join(backupDir(vpath), b.file)), master).plaintext) as VaultDocument).meta.createdAt);
    expect(states).toEqual(['state-3', 'state-4', 'state-5']);
  });

  it('an unchanged vault is not snapshotted twice', () => {
    const v = OpenVault.openWithKey(vpath, readFileSync(vpath), Buffer.from(master), kdf);
    const before = listBackups(vpath);
    const again = v.backup(3); // the vault equals the newest backup already
    v.close();
    expect(again.file).toBe(before.at(-1)!.file);
    expect(listBackups(vpath)).toEqual(before);
  });

  it('never rotates a vault that fails verification in, but still saves the good copy in memory', () => {
    const v = OpenVault.openWithKey(vpath, readFileSync(vpath), Buffer.from(master), kdf);
    const before = listBackups(vpath).map((b) => b.file);
    writeFileSync(vpath, flipBit(readFileSync(vpath), splitFrame(readFileSync(vpath)).aadEnd + 100));
    const e = errorOf(() => v.backup(3));
    expect(e.code).toBe('DAMAGED');
    expect(listBackups(vpath).map((b) => b.file)).toEqual(before);
    v.doc.meta.createdAt = 'state-after-damage';
    v.save(); // the automatic snapshot fails verification; the save must not
    v.close();
    expect((decodePayload(decodeVault(readFileSync(vpath), master).plaintext) as VaultDocument).meta.createdAt).toBe('state-after-damage');
  });

  it('restores a chosen backup, keeping the replaced state as a backup so it can be undone', async () => {
    const oldest = listBackups(vpath)[0];
    const replaced = readFileSync(vpath);
    await restoreBackup(vpath, oldest.file, PW);
    const { doc } = await readVault(vpath, PW);
    expect(doc.meta.createdAt).toBe('state-3');
    const newest = listBackups(vpath).at(-1)!;
    expect(readFileSync(join(backupDir(vpath), newest.file)).equals(replaced)).toBe(true);
    expect(existsSync(`${vpath}.lock`)).toBe(false);
  });

  it('refuses a backup that does not open with the given password, leaving the vault untouched', async () => {
    const before = readFileSync(vpath);
    const e = await rejectionOf(restoreBackup(vpath, listBackups(vpath)[0].file, 'not-the-password'));
    expect(e.code).toBe('WRONG_PASSWORD');
    expect(readFileSync(vpath).equals(before)).toBe(true);
  });

  it('refuses backup names that leave the backup folder', async () => {
    const e = await rejectionOf(restoreBackup(vpath, '../vault.cdv', PW));
    expect(e.code).toBe('INVALID');
  });
});

describe('save failures', () => {
  it('say in Chinese what went wrong and that the file is unchanged', () => {
    const fdir = mkdtempSync(join(tmpdir(), 'cadre-savefail-'));
    const fpath = join(fdir, 'vault.cdv');
    writeFileSync(fpath, good, { mode: 0o600 });
    const v = OpenVault.openWithKey(fpath, readFileSync(fpath), Buffer.from(master), kdf);
    v.backup();
    rmSync(fdir, { recursive: true, force: true }); // the USB stick was pulled out
    const e = errorOf(() => v.save());
    expect(e.code).toBe('IO');
    expect(e.message).toMatch(/^保存失败：找不到档案库所在的文件夹（U 盘或网络盘是否已断开？）。本次修改未保存/);
    v.close();
  });
});

describe('change password', () => {
  it('re-encrypts under the new password; earlier backups move to the new one too', async () => {
    const cdir = mkdtempSync(join(tmpdir(), 'cadre-pw-'));
    const cpath = join(cdir, 'vault.cdv');
    writeFileSync(cpath, good, { mode: 0o600 });
    const v = OpenVault.openWithKey(cpath, readFileSync(cpath), Buffer.from(master), kdf);
    expect((await rejectionOf(v.changePassword('wrong-old-password', 'New-pass-2026'))).message).toBe('原密码错误');
    await v.changePassword(PW, 'New-pass-2026');
    v.doc.meta.createdAt = 'after-change';
    v.save();
    v.close();
    expect((await readVault(cpath, 'New-pass-2026')).doc.meta.createdAt).toBe('after-change');
    expect((await rejectionOf(readVault(cpath, PW))).code).toBe('WRONG_PASSWORD');
    const [backup] = listBackups(cpath);
    expect((await rejectionOf(restoreBackup(cpath, backup.file, PW))).code).toBe('WRONG_PASSWORD');
    await restoreBackup(cpath, backup.file, 'New-pass-2026');
    expect((await readVault(cpath, 'New-pass-2026')).doc.importTemplates[0].name).toBe('花名册');
    expect(readdirSync(cdir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    rmSync(cdir, { recursive: true, force: true });
  });
});
