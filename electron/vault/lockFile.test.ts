import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDocument } from '../../shared/domain/document.js';
import { deriveMasterKey, readHeader, type KdfParams } from './format.js';
import { acquireLock, bootTime, lockPathFor } from './lockFile.js';
import { OpenVault } from './vault.js';

const child = resolve('electron/vault/testing/vaultChild.ts');
let dir: string;
let path: string;
let master: Buffer;
let kdf: KdfParams;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-lock-'));
  path = join(dir, 'vault.cdv');
  (await OpenVault.create(path, 'lock-test-pass', emptyDocument())).close();
  kdf = readHeader(readFileSync(path)).header.kdf;
  master = await deriveMasterKey('lock-test-pass', kdf);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function holder(): Promise<{ proc: ChildProcess; line: string }> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, 'hold', path, master.toString('hex')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      if (out.includes('\n')) done({ proc, line: out.trim() });
    });
    proc.on('error', fail);
    proc.on('exit', (code) => fail(new Error(`holder exited early (${code})`)));
  });
}

const killed = (proc: ChildProcess) => new Promise<void>((done) => (proc.once('exit', () => done()), proc.kill('SIGKILL')));
const openHere = () => OpenVault.openWithKey(path, readFileSync(path), Buffer.from(master), kdf);

describe('two processes on one vault', () => {
  it('the second opens read-only, naming the holder; a dead holder’s lock is taken over', async () => {
    const { proc, line } = await holder();
    expect(line).toBe('held writable');
    const second = openHere();
    expect(second.readOnly).toBe(true);
    expect(second.lockHolder).toMatchObject({ pid: proc.pid, host: hostname() });
    expect(() => second.save()).toThrow('只读');
    second.close();
    expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8')).pid).toBe(proc.pid); // closing a reader leaves the writer's lock alone

    await killed(proc); // no chance to clean up: the lock file stays behind
    expect(existsSync(lockPathFor(path))).toBe(true);
    const next = openHere();
    expect(next.readOnly).toBe(false);
    expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8')).pid).toBe(process.pid);
    next.close();
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('a child started while this process holds the lock opens read-only', async () => {
    const mine = openHere();
    const { proc, line } = await holder();
    expect(line).toBe('held readOnly');
    await killed(proc);
    // The read-only child never owned the lock, so its death does not free ours.
    expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8')).pid).toBe(process.pid);
    mine.close();
  });
});

describe('lock file edge cases', () => {
  it('an unreadable (garbage) lock is treated as stale', () => {
    writeFileSync(lockPathFor(path), 'not json');
    const l = acquireLock(path);
    expect(l.acquired).toBe(true);
    if (l.acquired) l.release();
  });

  it('a lock from before a reboot is stale even though its pid is alive again', () => {
    const lock = (boot: number) => writeFileSync(lockPathFor(path), JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-01-01T00:00:00Z', boot }));
    lock(bootTime());
    expect(acquireLock(path).acquired).toBe(false); // same boot, live pid: really held
    lock(bootTime() - 86_400);
    const l = acquireLock(path);
    expect(l.acquired).toBe(true);
    if (l.acquired) l.release();
  });

  it('a lock held by a live process on another computer is respected', () => {
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: 1, host: 'other-pc', since: '2026-01-01T00:00:00Z' }));
    const l = acquireLock(path);
    expect(l.acquired).toBe(false);
    if (!l.acquired) expect(l.holder.host).toBe('other-pc');
    rmSync(lockPathFor(path));
  });

  it('release only removes our own lock, not one that replaced it', () => {
    const l = acquireLock(path);
    if (!l.acquired) throw new Error('expected the lock');
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: process.pid, host: hostname(), since: 'later', token: 'someone-else' }));
    l.release();
    expect(existsSync(lockPathFor(path))).toBe(true);
    rmSync(lockPathFor(path));
  });
});
