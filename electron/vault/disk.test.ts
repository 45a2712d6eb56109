/**
 * Disks that refuse writes, on real file systems: a tmpfs remounted read-only (a USB stick with
 * its write switch on), a tiny tmpfs filled up, a folder the user may only read (a child process
 * dropped to uid 65534), a folder marked immutable (EPERM on the lock file), a sticky folder whose vault file belongs to someone else (EPERM on the
 * rename), and a vault file that is a mount point (EBUSY on the rename). What the official sees
 * is checked: the vault opens for reading, the banner says why, every refusal is in Chinese,
 * no file is changed and nothing is left behind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/define.js';
import { emptyDocument } from '../../shared/domain/document.js';
import { AppState } from '../handlers/appState.js';
import { browserPlatform } from '../platform/browser.js';
import { status } from '../handlers/vault.js';
import { openWritable } from '../cli/common.js';
import { Session } from '../store/session.js';
import { backupDir } from './backups.js';
import { deriveMasterKey, readHeader, type KdfParams } from './format.js';
import { OpenVault, readVault, restoreBackup } from './vault.js';
import { bindFile, fillUp, mountSupport, remountReadOnly, tmpfs, unmountAll } from './testing/mounts.js';
import { rejectionOf } from './testing/rejection.js';

const PW = 'Shunde-2023-档案';
const scratch: string[] = [];

afterAll(() => {
  unmountAll();
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

/** One vault made once; each test copies it, and opens it with the key derived once (scrypt is most of a second). */
let template: Buffer;
let master: Buffer;
let kdf: KdfParams;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cadre-disk-template-'));
  scratch.push(dir);
  const path = join(dir, 'vault.cdv');
  const doc = emptyDocument('2026-01-01T00:00:00.000Z');
  doc.importTemplates = [{ name: '花名册', mapping: { 姓名: 'name' } }];
  (await OpenVault.create(path, PW, doc)).close();
  template = readFileSync(path);
  kdf = readHeader(template).header.kdf;
  master = await deriveMasterKey(PW, kdf);
}, 60_000);

function newVault(dir: string): string {
  const path = join(dir, 'vault.cdv');
  writeFileSync(path, template, { mode: 0o600 });
  return path;
}

/** What `OpenVault.open` does after deriving the key: decrypt, then take the lock (or open read-only). */
function openVault(path: string): OpenVault {
  return OpenVault.openWithKey(path, readFileSync(path), Buffer.from(master), kdf);
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an error, got none');
}

/** Every file below `dir`, so "nothing left behind" compares whole trees. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => !n.startsWith('lost+found')).sort();
}

const addTemplate = (name: string) => (doc: { importTemplates: { name: string; mapping: Record<string, string> }[] }) => {
  doc.importTemplates.push({ name, mapping: {} });
};

describe.skipIf(mountSupport !== null)('vault on a disk that cannot be written (real mounts)', () => {
  it('a write-protected disk: opens read-only, the banner says 只读磁盘, every write is refused in Chinese, no file appears', async () => {
    const dir = tmpfs(1024 * 1024);
    const path = newVault(dir);
    const writable = openVault(path);
    const { file: backupFile } = writable.backup();
    writable.close();
    remountReadOnly(dir);
    const before = tree(dir);

    const vault = openVault(path);
    expect(vault.readOnly).toBe(true);
    expect(vault.diskProblem).toBe('readOnlyDisk');
    expect(vault.doc.importTemplates.map((t) => t.name)).toEqual(['花名册']);

    const app = new AppState(browserPlatform(path));
    const session = new Session(vault, '李组织');
    app.open(session);
    const st = status(app);
    expect(st).toMatchObject({ unlocked: true, readOnly: true });
    expect(st.readOnlyReason).toContain('只读磁盘');
    expect(st.readOnlyReason).toContain('可以查看和打印');

    const refused = await rejectionOf(session.mutate(addTemplate('不该保存')));
    expect(refused.code).toBe('READ_ONLY');
    expect(refused.message).toContain('只读磁盘');
    expect(errorOf(() => vault.backup()).message).toContain('只读磁盘');
    expect(session.doc.importTemplates.map((t) => t.name)).toEqual(['花名册']);
    app.dispose();

    // Read-only tools still work; the CLI's writing commands say why they cannot.
    expect((await readVault(path, PW)).doc.importTemplates[0].name).toBe('花名册');
    expect((await rejectionOf(openWritable(path, PW, 'CLI'))).message).toContain('只读磁盘');
    // So is restoring a backup there, and creating a vault: in Chinese, not with a raw EROFS.
    expect((await rejectionOf(restoreBackup(path, backupFile, PW))).message).toContain('恢复失败：只读磁盘');
    const create = await rejectionOf(OpenVault.create(join(dir, 'new.cdv'), PW, emptyDocument()));
    expect(create.message).toContain('无法在此位置创建档案库：只读磁盘');

    expect(tree(dir)).toEqual(before);
  });

  it('a full disk: opens read-only, says 磁盘已满, leaves no lock or temp file; with space freed it opens writable again', () => {
    const dir = tmpfs(512 * 1024);
    const path = newVault(dir);
    const filler = fillUp(dir);
    const before = tree(dir);

    const vault = openVault(path);
    expect(vault.readOnly).toBe(true);
    expect(vault.diskProblem).toBe('diskFull');
    expect(vault.readOnlyMessage).toContain('磁盘已满');
    expect(vault.doc.importTemplates.map((t) => t.name)).toEqual(['花名册']);
    const app = new AppState(browserPlatform(path));
    app.open(new Session(vault, '李组织'));
    expect(status(app).readOnlyReason).toContain('磁盘已满');
    app.dispose();
    expect(tree(dir)).toEqual(before); // no `.vault.cdv.lock.*.tmp`, no empty `vault.cdv.lock`

    rmSync(filler);
    const again = openVault(path);
    expect(again.readOnly).toBe(false);
    again.close();
  });

  it('a disk that fills up mid-session: the save says 磁盘已满, the edit stays out of the file and out of memory, nothing is left behind', async () => {
    const dir = tmpfs(1024 * 1024);
    const path = newVault(dir);
    const vault = openVault(path); // opened, not created: the save also tries its automatic backup
    expect(vault.readOnly).toBe(false);
    const session = new Session(vault, '李组织');
    const filler = fillUp(dir);
    const onDisk = readFileSync(path);

    const failed = await rejectionOf(session.mutate(addTemplate('未保存的修改')));
    expect(failed.message).toContain('保存失败：磁盘已满');
    expect(failed.message).toContain('本次修改未保存');
    expect(session.doc.importTemplates.map((t) => t.name)).toEqual(['花名册']);
    expect(readFileSync(path).equals(onDisk)).toBe(true);
    // A backup asked for by hand says the same, in Chinese.
    const backup = errorOf(() => vault.backup());
    expect(backup.message).toContain('备份失败：磁盘已满');
    const litter = tree(dir).filter((n) => n.endsWith('.tmp'));
    expect(litter).toEqual([]);

    // Space freed: the next change saves, and the failed one never reappears.
    rmSync(filler);
    await session.mutate(addTemplate('之后的修改'));
    vault.close();
    const reopened = openVault(path);
    expect(reopened.doc.importTemplates.map((t) => t.name)).toEqual(['花名册', '之后的修改']);
    reopened.close();
    expect(existsSync(backupDir(path))).toBe(true);
  });

  it('a disk that turns read-only mid-session (as ext4 does after an error): the save says 只读磁盘, the edit is dropped, closing still works', async () => {
    const dir = tmpfs(1024 * 1024);
    const path = newVault(dir);
    const vault = openVault(path);
    expect(vault.readOnly).toBe(false);
    const session = new Session(vault, '李组织');
    remountReadOnly(dir);
    const failed = await rejectionOf(session.mutate(addTemplate('未保存的修改')));
    expect(failed.message).toContain('保存失败：只读磁盘');
    expect(failed.message).toContain('本次修改未保存');
    expect(session.doc.importTemplates.map((t) => t.name)).toEqual(['花名册']);
    expect(() => vault.close()).not.toThrow(); // the lock cannot be removed from a read-only disk; that must not crash the app
  });

  it('a rename refused with EBUSY (the vault file is a mount point) says 文件被占用 and changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadre-busy-'));
    scratch.push(dir);
    const path = newVault(dir);
    copyFileSync(path, `${path}.source`);
    bindFile(`${path}.source`, path);
    const vault = openVault(path);
    vault.backup(); // keeps the save below from trying its own backup first
    const session = new Session(vault, '李组织');
    const onDisk = readFileSync(path);

    const failed = await rejectionOf(session.mutate(addTemplate('未保存的修改')));
    expect(failed.message).toContain('保存失败：文件被占用');
    expect(failed.message).toContain('本次修改未保存');
    expect(session.doc.importTemplates.map((t) => t.name)).toEqual(['花名册']);
    expect(readFileSync(path).equals(onDisk)).toBe(true);
    expect(tree(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    vault.close();
  });

  it('a folder that refuses new files with EPERM (marked immutable): opens read-only, says 无写入权限, no file appears', () => {
    const dir = tmpfs(512 * 1024);
    const path = newVault(dir);
    execFileSync('chattr', ['+i', dir]);
    try {
      const before = tree(dir);
      const vault = openVault(path);
      expect(vault).toMatchObject({ readOnly: true, diskProblem: 'noPermission' });
      expect(vault.readOnlyMessage).toContain('无写入权限');
      expect(vault.doc.importTemplates.map((t) => t.name)).toEqual(['花名册']);
      vault.close();
      expect(tree(dir)).toEqual(before);
    } finally {
      execFileSync('chattr', ['-i', dir]);
    }
  });
});

/** `setpriv` drops the child to nobody:nogroup; running as root, a permission test would prove nothing. */
const dropSupport: string | null =
  process.platform !== 'linux' ? 'needs Linux'
  : process.getuid?.() !== 0 ? 'needs root to start a child as uid 65534'
  : spawnSync('setpriv', ['--version']).status !== 0 ? 'setpriv (util-linux) not installed'
  : null;

interface ChildReport {
  readOnly?: boolean;
  diskProblem?: string | null;
  readOnlyMessage?: string | null;
  templates?: string[];
  saveError?: string;
  saved?: boolean;
  templatesAfter?: string[];
  openError?: string;
}

/** Opens the vault as uid 65534 and tries one change (electron/vault/testing/diskChild.ts). */
function openAsNobody(path: string): ChildReport {
  const child = resolve('electron/vault/testing/diskChild.ts');
  const r = spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', child, 'open', path, PW],
    { encoding: 'utf8', env: { ...process.env, HOME: tmpdir() }, timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as ChildReport;
}

describe.skipIf(dropSupport !== null)('vault in a folder the user may not write (child process as uid 65534)', () => {
  it('a folder without write permission: opens read-only, says 无写入权限, the change is refused, no file appears', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadre-noperm-'));
    scratch.push(dir);
    const path = newVault(dir);
    chmodSync(dir, 0o755);
    chmodSync(path, 0o644);
    const before = tree(dir);

    const seen = openAsNobody(path);
    expect(seen.openError).toBeUndefined();
    expect(seen).toMatchObject({ readOnly: true, diskProblem: 'noPermission', templates: ['花名册'], templatesAfter: ['花名册'] });
    expect(seen.readOnlyMessage).toContain('无写入权限');
    expect(seen.saveError).toContain('无写入权限');
    expect(tree(dir)).toEqual(before);
  }, 60_000);

  it('a vault file the user may not read: refused in Chinese (没有读取该文件的权限), not with a raw EACCES', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadre-noread-'));
    scratch.push(dir);
    const path = newVault(dir);
    chmodSync(dir, 0o755);
    chmodSync(path, 0o600);
    const seen = openAsNobody(path);
    expect(seen.openError).toContain('无法读取档案库文件：没有读取该文件的权限');
    expect(seen.openError).not.toContain('EACCES:');
  }, 60_000);

  it('a rename refused with EPERM (sticky folder, vault owned by another user): the save says 无写入权限 and changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadre-sticky-'));
    scratch.push(dir);
    const path = newVault(dir);
    chmodSync(dir, 0o1777);
    chmodSync(path, 0o666);
    const onDisk = readFileSync(path);

    const seen = openAsNobody(path);
    expect(seen.openError).toBeUndefined();
    expect(seen.readOnly).toBe(false); // it may create files here, only not replace the vault
    expect(seen.saveError).toContain('保存失败：无写入权限');
    expect(seen.saveError).toContain('本次修改未保存');
    expect(seen.templatesAfter).toEqual(['花名册']);
    expect(readFileSync(path).equals(onDisk)).toBe(true);
    expect(tree(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
  }, 60_000);
});
