/**
 * Paths the page sends (browser mode's path field) meet the privileged side through the router:
 * nothing freezes it, nothing outside the vault is revealed or created, and a failed unlock
 * leaves the open session alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppState } from './appState.js';
import { invoke, type InvokeResult } from './router.js';
import { browserPlatform } from '../platform/browser.js';

const PASSWORD = 'Abcdefgh-123';
const dir = mkdtempSync(join(tmpdir(), 'cadre-vault-paths-'));
const vaultPath = join(dir, 'open.cdv');
let app: AppState;

beforeAll(async () => {
  app = new AppState(browserPlatform(vaultPath));
  expect((await invoke(app, 'vault.create', { path: vaultPath, password: PASSWORD, operator: '张三' })).ok).toBe(true);
});
afterAll(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** A refusal as the renderer gets it, and how long it took. */
async function refused(method: string, input: unknown): Promise<{ code: string; message: string; ms: number }> {
  const t0 = performance.now();
  const r: InvokeResult = await invoke(app, method, input);
  const ms = performance.now() - t0;
  if (r.ok) throw new Error(`${method} should have been refused`);
  return { code: r.error.code, message: r.error.message, ms };
}

/** No raw system error text (EISDIR, ENOENT, "illegal operation"…) reaches the user. */
/** System error text (ENOENT, EISDIR, “illegal operation”…). Codes are upper-case; the words any case. */
const SYSTEM_CODE = /\bE[A-Z]{3,}\b/;
const SYSTEM_WORDS = /illegal|operation|no such file|errno/i;
/** Checks a message minus the path it names: a random temp folder name may look like anything. */
function expectNoSystemText(message: string, path: string): void {
  const rest = message.split(path).join('');
  expect(rest).not.toMatch(SYSTEM_CODE);
  expect(rest).not.toMatch(SYSTEM_WORDS);
}

async function sessionStillOpen(): Promise<void> {
  expect(await invoke(app, 'vault.status', {})).toMatchObject({ ok: true, value: { unlocked: true, readOnly: false, path: vaultPath } });
  // …and still writable, so it is the same session, not a read-only re-open.
  expect(await invoke(app, 'settings.update', { autoLockMinutes: 21 })).toMatchObject({ ok: true });
}

describe('vault paths from the page', () => {
  it.runIf(process.platform !== 'win32')('unlocking a FIFO does not freeze the process: a parallel call answers, the FIFO is refused within a second', async () => {
    const fifo = join(dir, 'pipe.cdv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Should the unlock block on the FIFO (as it once did), a writer frees it after 1.5 s, so the
    // test fails on the timing instead of hanging forever.
    const writer = spawn('sh', ['-c', `sleep 1.5; exec 3<>"${fifo}"; printf x >&3`], { stdio: 'ignore' });
    try {
      const t0 = performance.now();
      const unlocking = invoke(app, 'vault.unlock', { path: fifo, password: PASSWORD, operator: '张三' });
      const status = await invoke(app, 'vault.status', {});
      const statusMs = performance.now() - t0;
      expect(status.ok).toBe(true);
      expect(statusMs).toBeLessThan(250);
      const r = await unlocking;
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID' } });
      expect(!r.ok && r.error.message).toContain('不是档案库文件');
      await sessionStillOpen();
    } finally {
      writer.kill();
    }
  });

  it.runIf(existsSync('/dev/zero'))('a device is refused within a second, without reading it', async () => {
    const r = await refused('vault.unlock', { path: '/dev/zero', password: PASSWORD, operator: '张三' });
    expect(r.ms).toBeLessThan(1000);
    expect(r.message).toBe('所选位置不是普通文件（可能是设备或管道），不是档案库文件');
    await sessionStillOpen();
  });

  it('a folder is refused in plain Chinese, not with EISDIR', async () => {
    const r = await refused('vault.unlock', { path: dir, password: PASSWORD, operator: '张三' });
    expect(r.message).toBe('所选位置是文件夹，不是档案库文件');
    expectNoSystemText(r.message, dir);
    expect(r.ms).toBeLessThan(1000);
  });

  it.runIf(existsSync('/etc/passwd'))('a file that is not a vault is called that, not a damaged vault', async () => {
    const r = await refused('vault.unlock', { path: '/etc/passwd', password: PASSWORD, operator: '张三' });
    expect(r).toMatchObject({ code: 'INVALID', message: '所选文件不是档案库文件' });
    const text = join(dir, 'notes.cdv');
    writeFileSync(text, '这不是档案库');
    expect(await refused('vault.unlock', { path: text, password: PASSWORD, operator: '张三' })).toMatchObject({ message: '所选文件不是档案库文件' });
  });

  it('a missing file is said plainly, and the open session survives it', async () => {
    const missing = join(dir, 'nowhere', 'gone.cdv');
    const r = await refused('vault.unlock', { path: missing, password: PASSWORD, operator: '张三' });
    expect(r).toMatchObject({ code: 'NO_VAULT', message: `找不到档案库文件：${missing}` });
    expectNoSystemText(r.message, missing);
    await sessionStillOpen();
  });

  it('a wrong password on unlock leaves the open session as it was', async () => {
    expect(await refused('vault.unlock', { password: 'not-the-password', operator: '李四' })).toMatchObject({ code: 'WRONG_PASSWORD' });
    await sessionStillOpen();
    expect((await invoke(app, 'vault.status', {})) as { value: { operator: string } }).toMatchObject({ value: { operator: '张三' } });
  });

  it('a relative path is refused rather than resolved against wherever the server runs', async () => {
    expect(await refused('vault.unlock', { path: 'open.cdv', password: PASSWORD, operator: '张三' })).toMatchObject({ code: 'INVALID', message: '请填写档案库文件的完整路径（从盘符或根目录“/”开始）' });
  });

  it('create makes no folders: a vault goes only into a folder that exists, as a new .cdv file', async () => {
    const deep = join(dir, 'a', 'b', 'new.cdv');
    const r = await refused('vault.create', { path: deep, password: PASSWORD, operator: '张三' });
    expect(r.message).toContain('文件夹不存在');
    expect(existsSync(join(dir, 'a'))).toBe(false);
    expect(await refused('vault.create', { path: join(dir, 'x.txt'), password: PASSWORD, operator: '张三' })).toMatchObject({ message: '档案库文件名须以 .cdv 结尾' });
    expect(await refused('vault.create', { path: vaultPath, password: PASSWORD, operator: '张三' })).toMatchObject({ code: 'CONFLICT' });
    await sessionStillOpen();
  });

  it('backups are listed and restored only for the open vault, never for a path from the page', async () => {
    const other = join(dir, 'other');
    mkdirSync(other);
    const second = new AppState(browserPlatform(join(other, 'b.cdv')));
    try {
      expect((await invoke(second, 'vault.create', { path: join(other, 'b.cdv'), password: PASSWORD, operator: '王五' })).ok).toBe(true);
      expect((await invoke(second, 'vault.backupNow', {})).ok).toBe(true);
    } finally {
      second.dispose();
    }
    const listed = await invoke(app, 'vault.backups', { path: join(other, 'b.cdv') });
    expect(listed).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    const restore = await invoke(app, 'vault.restoreBackup', { path: join(other, 'b.cdv'), file: 'x-vault.cdv', password: PASSWORD, operator: '张三' });
    expect(restore).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await invoke(app, 'vault.backups', {})).toMatchObject({ ok: true, value: [] });
    await sessionStillOpen();
  });

  it('browser mode has no system dialogs: they are refused, saying what to do instead', async () => {
    for (const [method, input] of [['dialog.chooseVault', { purpose: 'open' }], ['dialog.chooseBackupFile', {}], ['file.save', { fileName: 'a.pdf', base64: '' }]] as const) {
      expect(await refused(method, input)).toMatchObject({ code: 'INVALID', message: '浏览器模式下没有系统文件对话框：请直接填写路径，导出的文件由浏览器下载' });
    }
  });
});
