/** exchange-key / -trust / -export / -import / -receipt as an operator runs them: separate node processes. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../shared/domain/document.js';
import { buildDemoDocument } from '../../demo/generate.js';
import { OpenVault } from '../../vault/vault.js';

const main = resolve('electron/cli/main.ts');
const PW = 'Cli-exchange-2026';
const dir = mkdtempSync(join(tmpdir(), 'cadre-cli-exchange-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, ['--import', 'tsx', main, ...args], { env: { ...process.env, CADRE_DESK_PASSWORD: PW }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    p.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    p.on('error', fail);
    p.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}
const json = async <T>(args: string[]): Promise<T> => {
  const r = await cli([...args, '--json']);
  if (r.code !== 0) throw new Error(`${args[0]} exited ${r.code}: ${r.stdout}${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as T;
};

describe('exchange CLI', () => {
  const town = join(dir, 'daliang.cdv');
  const district = join(dir, 'district.cdv');

  it('key, trust (fingerprint confirmed), export, dry-run, import with receipt, receipt read back', async () => {
    // The two vaults are made in-process (init and demo have their own tests); each spawn costs seconds.
    (await OpenVault.create(town, PW, buildDemoDocument({ cadres: 60, seed: 3 }))).close();
    (await OpenVault.create(district, PW, emptyDocument())).close();
    const tk = await json<{ fingerprint: string; name: string }>(['exchange-key', town, '--office', '大良', '--out', join(dir, 'daliang.pub')]);
    expect(tk).toMatchObject({ name: '大良组织办', fingerprint: expect.stringMatching(/^\d{4}( \d{4}){7}$/) });
    const dk = await json<{ fingerprint: string }>(['exchange-key', district, '--office', '区', '--out', join(dir, 'district.pub')]);

    // Without the fingerprint confirmed, nothing is trusted and the message says which digits to check.
    const refused = await cli(['exchange-trust', district, join(dir, 'daliang.pub'), '--json']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(tk.fingerprint);
    await json(['exchange-trust', district, join(dir, 'daliang.pub'), '--fingerprint', tk.fingerprint]);
    await json(['exchange-trust', town, join(dir, 'district.pub'), '--fingerprint', dk.fingerprint]);

    const cdx = join(dir, 'p1.cdx');
    const ex = await json<{ sequence: number; full: boolean }>(['exchange-export', town, cdx, '--to', '440606']);
    expect(ex).toMatchObject({ sequence: 1, full: true });
    const bytes = readFileSync(cdx);
    expect(bytes.includes(Buffer.from('大良'))).toBe(false);

    const dry = await json<Record<string, unknown>>(['exchange-import', district, cdx, '--dry-run']);
    expect(Object.keys(dry)).toEqual(expect.arrayContaining(['from', 'sequence', 'created', 'changed', 'deleted', 'conflicts']));
    expect(dry).toMatchObject({ from: '440606005', sequence: 1, changed: {}, deleted: {}, conflicts: [] });
    const created = dry.created as Record<string, number>;
    expect(created.cadres).toBeGreaterThan(0);
    expect(created.villages).toBeGreaterThan(0);

    const imp = await json<{ receipt: string; accepted: { created: number } }>(['exchange-import', district, cdx, '--receipt', join(dir, 'r1.cdr')]);
    expect(imp.accepted.created).toBe(Object.values(created).reduce((a, b) => a + b, 0));
    expect(existsSync(imp.receipt)).toBe(true);

    expect(await json(['exchange-receipt', town, imp.receipt])).toMatchObject({ from: '440606', sequence: 1, declined: 0 });
    const inc = await json<{ sequence: number; base: number; full: boolean }>(['exchange-export', town, join(dir, 'p2.cdx'), '--to', '区']);
    expect(inc).toMatchObject({ sequence: 2, base: 1, full: false });
  }, 900_000);
});
