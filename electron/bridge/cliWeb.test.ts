/** `npm run web` as a user starts it: what it prints, and the ready file that holds the token. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'cli-web-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run web', () => {
  it('writes the token only to an owner-only file and does not call it one-time', async () => {
    const ready = join(dir, 'ready.json');
    writeFileSync(ready, 'stale', { mode: 0o644 }); // an old world-readable file must not keep its mode
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/bridge/cli-web.ts'], {
      env: { ...process.env, CADRE_DESK_READY_FILE: ready, CADRE_DESK_VAULT: join(dir, 'v.cdv'), CADRE_DESK_RENDERER: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    try {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && !(existsSync(ready) && readFileSync(ready, 'utf8').startsWith('{'))) await new Promise((r) => setTimeout(r, 100));
      const info = JSON.parse(readFileSync(ready, 'utf8')) as { token: string; url: string };
      expect(info.token.length).toBeGreaterThan(20);
      expect(statSync(ready).mode & 0o777).toBe(0o600);
      expect(out).toContain(info.url);
      expect(out).toContain('在本程序关闭前一直有效');
      expect(out).not.toContain('一次性');
    } finally {
      child.kill('SIGTERM');
    }
  }, 40_000);
});
