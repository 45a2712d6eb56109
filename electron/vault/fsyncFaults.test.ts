/**
 * fsync failures cannot be provoked on demand on a real disk (tmpfs never fails them), so here
 * `fsyncSync` is made to fail with the errors a full or withdrawn disk gives. Before the rename
 * a failure must leave the vault as it was; after it (the folder fsync) the new content is
 * already in place, and the user must not be told that nothing was saved.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDocument } from '../../shared/domain/document.js';
import { Session } from '../store/session.js';
import { OpenVault } from './vault.js';
import { rejectionOf } from './testing/rejection.js';

/** Codes for the next fsync calls, in order; null lets that call through. */
const fsyncFailures: (string | null)[] = [];

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fsyncSync = (fd: number) => {
    const code = fsyncFailures.shift();
    if (code) throw Object.assign(new Error(`${code}: fsync failed (test)`), { code });
    fs.fsyncSync(fd);
  };
  return { ...fs, default: { ...fs, fsyncSync }, fsyncSync };
});

const PW = 'Shunde-2023-档案';
const dir = mkdtempSync(join(tmpdir(), 'cadre-fsync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function freshSession(): Promise<{ path: string; session: Session }> {
  const path = join(dir, `vault-${++n}.cdv`);
  const doc = emptyDocument('2026-01-01T00:00:00.000Z');
  doc.importTemplates = [{ name: '花名册', mapping: {} }];
  // Created, not opened: no automatic backup runs before the save, so the fsync calls are the save's own.
  const vault = await OpenVault.create(path, PW, doc);
  // The app writes in a worker thread, where this file's fsync stand-in does not reach; the
  // worker runs the same writeFileAtomic and saveError (workers/tasks.ts 'vault.write'), so the
  // save is made to run here, on this thread, instead.
  vi.spyOn(vault, 'saveInBackground').mockImplementation(() => new Promise<void>((done) => {
    vault.save();
    done();
  }));
  return { path, session: new Session(vault, '李组织') };
}

beforeEach(() => {
  fsyncFailures.length = 0;
});

describe('fsync failures during a save', () => {
  it('the temp file cannot be synced (ENOSPC): 磁盘已满, nothing saved, no temp file left', async () => {
    const { path, session } = await freshSession();
    const onDisk = readFileSync(path);
    fsyncFailures.push('ENOSPC');
    const e = await rejectionOf(session.mutate((doc) => void doc.importTemplates.push({ name: '新模板', mapping: {} })));
    expect(e.message).toContain('保存失败：磁盘已满');
    expect(e.message).toContain('本次修改未保存');
    expect(readFileSync(path).equals(onDisk)).toBe(true);
    expect(session.doc.importTemplates.map((t) => t.name)).toEqual(['花名册']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    session.vault.close();
  });

  it('the folder cannot be synced after the rename (EACCES): says the change is written but unconfirmed, and keeps it', async () => {
    const { path, session } = await freshSession();
    fsyncFailures.push(null, 'EACCES');
    const e = await rejectionOf(session.mutate((doc) => void doc.importTemplates.push({ name: '新模板', mapping: {} })));
    expect(e.message).toContain('保存后未能确认写入磁盘（无写入权限');
    expect(e.message).toContain('修改已写入档案库文件');
    // What the message says is true: the file holds the change, and so does the window.
    expect(session.doc.importTemplates.map((t) => t.name)).toEqual(['花名册', '新模板']);
    session.vault.close();
    const reopened = await OpenVault.open(path, PW);
    expect(reopened.doc.importTemplates.map((t) => t.name)).toEqual(['花名册', '新模板']);
    reopened.close();
  });

  it('an explicit backup whose file cannot be synced (EBUSY) says 备份失败：文件被占用 and leaves no temp file', async () => {
    const { path, session } = await freshSession();
    fsyncFailures.push('EBUSY');
    let message = '';
    try {
      session.vault.backup();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('备份失败：文件被占用');
    expect(readdirSync(`${path}.backups`).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    session.vault.close();
  });
});
