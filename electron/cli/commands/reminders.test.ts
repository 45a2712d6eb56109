/** `reminders` as an operator runs it: a separate process on a 示例 vault. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REMINDER_KINDS } from '../../../shared/rules/reminders.js';

const main = resolve('electron/cli/main.ts');
const dir = mkdtempSync(join(tmpdir(), 'cadre-cli-reminders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, ['--import', 'tsx', main, ...args], { env: { ...process.env, CADRE_DESK_PASSWORD: 'Cli-pass-2026' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    p.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    p.on('error', fail);
    p.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

describe('cli reminders', () => {
  it('prints the desk’s list as JSON and as text, and refuses a bad --on in Chinese', { timeout: 240_000 }, async () => {
    const vault = join(dir, 'demo.cdv');
    expect((await cli(['demo', vault, '--count', '800'])).code).toBe(0);
    const today = new Date();
    const on = `${today.getFullYear()}.${String(today.getMonth() + 1).padStart(2, '0')}.${String(today.getDate()).padStart(2, '0')}`;
    const json = await cli(['reminders', vault, '--on', on, '--json']);
    expect(json.code).toBe(0);
    const items = JSON.parse(json.stdout) as Array<{ kind: string; due: string; message: string; cadreId?: string; villageId?: string }>;
    expect(new Set(items.map((r) => r.kind))).toEqual(new Set(REMINDER_KINDS));
    for (const r of items) {
      expect(r.due).toMatch(/^\d{4}\.\d{2}(\.\d{2})?$/);
      expect(r.cadreId ?? r.villageId).toBeTruthy();
    }
    // Ten years on, every term of the 示例 is long overdue; the text form says how many.
    const later = await cli(['reminders', vault, '--on=2036.12.03']);
    const lines = later.stdout.trim().split('\n');
    expect(lines[0]).toBe(`截至 2036.12.03 共 ${lines.length - 1} 项提醒：`);
    const terms = lines.filter((l) => l.includes('任期届满'));
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.every((l) => l.startsWith('[已逾期]'))).toBe(true);
    const bad = await cli(['reminders', vault, '--on', '2026.13.01']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--on 月份 13 不存在');
  });
});
