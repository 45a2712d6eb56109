/** The CLI as an operator runs it: a separate `node` process, password from the environment. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeVault, deriveMasterKey, encodeVault, readHeader } from '../vault/format.js';
import { OpenVault } from '../vault/vault.js';
import { listBackups } from '../vault/backups.js';
import { decodePayload, encodePayload } from '../vault/payload.js';
import type { VaultDocument } from '../../shared/domain/document.js';

const main = resolve('electron/cli/main.ts');
const dir = mkdtempSync(join(tmpdir(), 'cadre-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PW = 'Cli-pass-2026';

function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
      env: { ...process.env, CADRE_DESK_PASSWORD: PW, CADRE_DESK_NEW_PASSWORD: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    p.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    p.on('error', fail);
    p.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

async function decrypt(path: string, password = PW) {
  const file = readFileSync(path);
  const master = await deriveMasterKey(password, readHeader(file).header.kdf);
  return { master, doc: decodePayload(decodeVault(file, master).plaintext) as VaultDocument };
}

describe('cli', () => {
  const vault = join(dir, '档案', 'vault.cdv');

  it('init creates an encrypted 0600 vault with an audit entry by the operator, and refuses to overwrite', async () => {
    const r = await cli(['init', vault, '--operator', '李组织']);
    expect(r.stdout).toContain('已创建档案库');
    expect(r.code).toBe(0);
    if (process.platform !== 'win32') expect(statSync(vault).mode & 0o777).toBe(0o600);
    expect(readFileSync(vault).subarray(0, 8).toString()).toBe('CADREVLT');
    const { doc } = await decrypt(vault);
    expect(doc.audit.map((a: { operator: string; action: string }) => [a.operator, a.action])).toEqual([['李组织', 'vault.create']]);

    const again = await cli(['init', vault]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('该位置已有档案库文件');
  });

  it('verify reports counts and an intact audit chain as JSON', async () => {
    const r = await cli(['verify', vault, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, audit: { ok: true, entries: 1 }, counts: { cadres: { total: 0 } }, demo: false });
  });

  it('wrong password: exit 1 with 密码错误 (text and --json)', async () => {
    const r = await cli(['verify', vault], { CADRE_DESK_PASSWORD: 'not-the-password' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('密码错误');
    const j = await cli(['verify', vault, '--json'], { CADRE_DESK_PASSWORD: 'not-the-password' });
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toEqual({ error: { code: 'WRONG_PASSWORD', message: '密码错误' } });
  });

  it('verify fails (exit 1) when an audit entry was tampered with, naming the entry', async () => {
    const tampered = join(dir, 'tampered.cdv');
    const { master, doc } = await decrypt(vault);
    doc.audit[0].operator = '王某';
    writeFileSync(tampered, encodeVault(encodePayload(doc), master, readHeader(readFileSync(vault)).header.kdf));
    const r = await cli(['verify', tampered]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('检查不通过');
    expect(r.stdout).toContain('审计记录第 1 条被改动或删除');
  });

  it('backup, list, and restore bring back the earlier state, with the restore audited', async () => {
    const b = await cli(['backup', vault, '--json']);
    expect(b.code).toBe(0);
    const { backup } = JSON.parse(b.stdout);

    // Change the vault after the backup (as the app would).
    const v = await OpenVault.open(vault, PW);
    v.doc.settings.autoLockMinutes = 42;
    v.save();
    v.close();

    const list = await cli(['restore', vault, '--json']);
    expect(JSON.parse(list.stdout).backups.map((x: { file: string }) => x.file)).toContain(backup.file);
    const text = await cli(['restore', vault]);
    expect(text.stdout).toContain(backup.file);

    const r = await cli(['restore', vault, backup.file, '--operator', '李组织']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已从备份 ${backup.file} 恢复`);
    const { doc } = await decrypt(vault);
    expect(doc.settings.autoLockMinutes).toBe(15);
    expect(doc.audit.at(-1)).toMatchObject({ action: 'vault.restore', operator: '李组织' });
  });

  it('restore of a backup name that does not exist fails clearly', async () => {
    const r = await cli(['restore', vault, '20990101T000000Z-000099-vault.cdv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('找不到备份文件：20990101T000000Z-000099-vault.cdv');
  });

  it('refuses to back up a vault another program holds open', async () => {
    const holder = await OpenVault.open(vault, PW);
    try {
      const r = await cli(['backup', vault]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`档案库正被另一个程序使用（进程 ${process.pid}`);
    } finally {
      holder.close();
    }
  });

  it('change-password re-encrypts the vault and its backups; the old password no longer opens it', async () => {
    const backups = listBackups(vault).length;
    expect(backups).toBeGreaterThan(0);
    const r = await cli(['change-password', vault], { CADRE_DESK_NEW_PASSWORD: 'New-pass-2027' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^密码已修改。\d+ 份较早的备份已一并改用新密码重新加密（均已读回校验）。原密码已打不开档案库和任何备份。/);
    const newest = listBackups(vault).at(-1)!.file;
    expect((await cli(['restore', vault, newest])).stderr.trim()).toBe('密码错误');
    expect((await cli(['verify', vault], { CADRE_DESK_PASSWORD: 'New-pass-2027' })).code).toBe(0);
    expect((await cli(['verify', vault])).stderr.trim()).toBe('密码错误');
    const short = await cli(['change-password', vault], { CADRE_DESK_PASSWORD: 'New-pass-2027', CADRE_DESK_NEW_PASSWORD: 'short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('密码至少 8 位');

    const before = listBackups(vault).length;
    const del = await cli(['change-password', vault, '--delete-backups', '--json'], { CADRE_DESK_PASSWORD: 'New-pass-2027', CADRE_DESK_NEW_PASSWORD: 'New-pass-2028' });
    expect(del.code).toBe(0);
    expect(JSON.parse(del.stdout)).toEqual({ ok: true, backups: 'deleted', count: before, left: [] });
    expect(listBackups(vault)).toEqual([]);
    expect((await cli(['verify', vault], { CADRE_DESK_PASSWORD: 'New-pass-2028' })).code).toBe(0);
  });

  it('demo creates a 示例 vault; export-json writes it out and will not overwrite', async () => {
    const demo = join(dir, 'demo.cdv');
    const d = await cli(['demo', demo, '--count', '30', '--json']);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.stdout)).toMatchObject({ ok: true, demo: true, cadres: 30 });
    const out = join(dir, 'export.json');
    const e = await cli(['export-json', demo, '--out', out]);
    expect(e.code).toBe(0);
    expect(e.stderr).toContain('未加密');
    const exported = JSON.parse(readFileSync(out, 'utf8'));
    expect(exported.meta.demo).toBe(true);
    expect(exported.cadres).toHaveLength(30);
    expect(exported.cadres.every((c: { demo?: boolean }) => c.demo === true)).toBe(true);
    const again = await cli(['export-json', demo, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('导出文件已存在');
  });

  it('says what is missing: no vault path, no password source', async () => {
    const r = await cli(['verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('请指定档案库文件路径');
    const p = await cli(['verify', vault], { CADRE_DESK_PASSWORD: undefined });
    expect(p.code).toBe(1);
    expect(p.stderr).toContain('请设置环境变量 CADRE_DESK_PASSWORD');
    expect(existsSync(`${vault}.lock`)).toBe(false);
  });
});
