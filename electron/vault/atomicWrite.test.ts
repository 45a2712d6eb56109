import * as realFs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Observe the temp file at the moment it is renamed, and inject write failures.
const seen: { tmp: string; mode: number; size: number }[] = [];
let failWrite: NodeJS.ErrnoException | null = null;
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    renameSync: (from: string, to: string) => {
      const st = fs.statSync(from);
      seen.push({ tmp: from, mode: st.mode & 0o777, size: st.size });
      return fs.renameSync(from, to);
    },
    writeSync: (...args: Parameters<typeof fs.writeSync>) => {
      if (failWrite) throw failWrite;
      return (fs.writeSync as (...a: unknown[]) => number)(...args);
    },
  };
});

const { removeStaleTemps, renameWithRetry, writeFileAtomic } = await import('./atomicWrite.js');

const dirs: string[] = [];
function freshDir() {
  const d = realFs.mkdtempSync(join(tmpdir(), 'cadre-atomic-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  failWrite = null;
  seen.length = 0;
  for (const d of dirs.splice(0)) realFs.rmSync(d, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it.skipIf(process.platform === 'win32')('writes through a unique 0600 temp file in the same folder', () => {
    const dir = freshDir();
    const target = join(dir, 'vault.cdv');
    writeFileAtomic(target, Buffer.from('one'));
    writeFileAtomic(target, Buffer.from('second'));
    expect(seen).toHaveLength(2);
    expect(seen.map((s) => s.mode)).toEqual([0o600, 0o600]);
    expect(seen[0].tmp).not.toBe(seen[1].tmp);
    expect(seen.every((s) => s.tmp.startsWith(join(dir, '.vault.cdv.')))).toBe(true);
    expect(seen[1].size).toBe(6); // fully written before the rename
    expect(realFs.readFileSync(target, 'utf8')).toBe('second');
    expect(realFs.statSync(target).mode & 0o777).toBe(0o600);
    expect(realFs.readdirSync(dir)).toEqual(['vault.cdv']);
  });

  it('a failed write (disk full) leaves the old file and no temp file', () => {
    const dir = freshDir();
    const target = join(dir, 'vault.cdv');
    writeFileAtomic(target, Buffer.from('old state'));
    failWrite = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    expect(() => writeFileAtomic(target, Buffer.from('new state'))).toThrow('no space');
    expect(realFs.readFileSync(target, 'utf8')).toBe('old state');
    expect(realFs.readdirSync(dir)).toEqual(['vault.cdv']);
  });
});

describe('removeStaleTemps', () => {
  it('removes temp files of dead writers only', () => {
    const dir = freshDir();
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
    realFs.writeFileSync(join(dir, `.vault.cdv.${dead}.0123456789ab.tmp`), 'torn');
    realFs.writeFileSync(join(dir, `.vault.cdv.${process.pid}.0123456789ab.tmp`), 'mine, in progress');
    realFs.writeFileSync(join(dir, 'notes.tmp'), 'the user’s own file');
    expect(removeStaleTemps(dir)).toBe(1);
    expect(realFs.readdirSync(dir).sort()).toEqual([`.vault.cdv.${process.pid}.0123456789ab.tmp`, 'notes.tmp']);
  });
});

describe('renameWithRetry', () => {
  const busy = () => Object.assign(new Error('operation not permitted, rename'), { code: 'EPERM' });

  it('on Windows, waits out a scanner holding the file for a moment', () => {
    let calls = 0;
    renameWithRetry('a', 'b', 'win32', () => {
      if (++calls < 3) throw busy();
    });
    expect(calls).toBe(3);
  });

  it('on Windows, gives up after a bounded number of tries', () => {
    let calls = 0;
    expect(() => renameWithRetry('a', 'b', 'win32', () => (calls++, (() => { throw busy(); })()))).toThrow('operation not permitted');
    expect(calls).toBe(11);
  });

  it('elsewhere, a refused rename is reported at once', () => {
    let calls = 0;
    expect(() => renameWithRetry('a', 'b', 'linux', () => (calls++, (() => { throw busy(); })()))).toThrow('operation not permitted');
    expect(calls).toBe(1);
  });
});
