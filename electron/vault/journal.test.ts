import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDocument, type VaultDocument } from '../../shared/domain/document.js';
import { verifyAudit } from '../store/audit.js';
import { Session } from '../store/session.js';
import { createRecord, updateRecord } from '../handlers/records.js';
import { decodeVault, deriveMasterKey, readHeader } from './format.js';
import { journalPath, vaultFileId } from './journal.js';
import { acquireLock } from './lockFile.js';
import { decodePayload } from './payload.js';
import { rejectionOf } from './testing/rejection.js';
import { OpenVault, readVault } from './vault.js';

const PASSWORD = 'journal-test-pass';
let dir: string;
const masters = new Map<string, Buffer>();
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-journal-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fresh(): Promise<{ path: string; vault: OpenVault; session: Session }> {
  const path = join(dir, `v${++n}.cdv`);
  const vault = await OpenVault.create(path, PASSWORD, emptyDocument());
  masters.set(readHeader(readFileSync(path)).header.kdf.salt, await deriveMasterKey(PASSWORD, readHeader(readFileSync(path)).header.kdf));
  return { path, vault, session: new Session(vault, '测试员') };
}

const masterOf = (path: string) => masters.get(readHeader(readFileSync(path)).header.kdf.salt)!;
// A copy of the key: closing a vault zeroes the one it was given.
const open = (path: string) => OpenVault.openWithKey(path, readFileSync(path), Buffer.from(masterOf(path)), readHeader(readFileSync(path)).header.kdf);
const village = (s: Session, name: string) => createRecord<{ id: string; name: string; townCode: string; createdAt: string; updatedAt: string }>(s, 'villages', { name, townCode: '440606005' }, (v) => `新建：${v.name}`);
const names = (doc: VaultDocument) => doc.villages.map((v) => v.name);

/** The vault file and its journal copied elsewhere, as they would be on disk after a crash. */
function crashCopy(path: string): string {
  const to = join(dir, `crash${++n}.cdv`);
  copyFileSync(path, to);
  copyFileSync(journalPath(path), journalPath(to));
  return to;
}

describe('the edit journal', () => {
  it('takes an edit without rewriting the vault file; a fresh open replays it; locking folds it in', async () => {
    const { path, vault, session } = await fresh();
    const before = vaultFileId(path);
    const v = await village(session, '水藤村');
    await updateRecord(session, 'villages', v.id, { name: '水藤新村' } as never, '村（社区）', (x) => `修改：${(x as unknown as { name: string }).name}`);
    expect(vaultFileId(path)).toBe(before);
    expect(vault.journaled).toBe(2);
    const read = await readVault(path, PASSWORD);
    expect(names(read.doc)).toEqual(['水藤新村']);
    expect(read.doc.audit.map((e) => e.summary)).toEqual(['新建：水藤村', '修改：水藤新村']);
    expect(verifyAudit(read.doc.audit).ok).toBe(true);
    vault.close();
    expect(existsSync(journalPath(path))).toBe(false);
    expect(vaultFileId(path)).not.toBe(before);
    const plain = decodePayload(decodeVault(readFileSync(path), masterOf(path)).plaintext) as VaultDocument;
    expect(names(plain)).toEqual(['水藤新村']);
  });

  it('holds nothing in plain text', async () => {
    const { path, vault, session } = await fresh();
    await village(session, '保密村ZZQ');
    const raw = readFileSync(journalPath(path));
    expect(raw.includes(Buffer.from('保密村'))).toBe(false);
    expect(raw.includes(Buffer.from('ZZQ'))).toBe(false);
    vault.close();
  });

  it('reports a damaged journal in Chinese, keeps the entries before the damage and the damaged copy', async () => {
    const { path, vault, session } = await fresh();
    for (const name of ['一村', '二村', '三村']) await village(session, name);
    const copy = crashCopy(path);
    vault.close();
    const j = readFileSync(journalPath(copy));
    // Flip a byte inside the second entry: the header is small, the entries follow in order.
    const header = 12 + j.readUInt32LE(8);
    const second = header + 4 + j.readUInt32LE(header) + 30;
    j[second] ^= 0x40;
    writeFileSync(journalPath(copy), j);
    const reopened = open(copy);
    expect(names(reopened.doc)).toEqual(['一村']);
    expect(reopened.journalProblem).toMatch(/修改日志 .*已损坏：前 1 条修改已载入，自第 2 条起的修改无法读取/);
    expect(reopened.journalProblem).toContain('已另存为');
    expect(existsSync(journalPath(copy))).toBe(false);
    expect(readdirSync(dir).some((f) => f.startsWith(`${copy.split('/').pop()}.journal.damaged-`))).toBe(true);
    reopened.close();
    // What could be read is now in the vault file itself.
    expect(names((await readVault(copy, PASSWORD)).doc)).toEqual(['一村']);
  });

  it('a read-only vault replays the journal but never writes, trims or moves it', async () => {
    const { path, vault, session } = await fresh();
    await village(session, '只读村');
    const copy = crashCopy(path);
    vault.close();
    appendFileSync(journalPath(copy), Buffer.from([9, 0, 0])); // a torn tail, as a crash leaves it
    const journalBefore = readFileSync(journalPath(copy));
    const held = acquireLock(copy);
    expect(held.acquired).toBe(true);
    try {
      const ro = open(copy);
      expect(ro.readOnly).toBe(true);
      expect(names(ro.doc)).toEqual(['只读村']);
      const s = new Session(ro, '另一窗口');
      expect((await rejectionOf(village(s, '不该写入'))).code).toBe('READ_ONLY');
      ro.close();
      expect(readFileSync(journalPath(copy)).equals(journalBefore)).toBe(true);
    } finally {
      if (held.acquired) held.release();
    }
    // The writer that opens it next drops the torn tail and goes on from there.
    const rw = open(copy);
    expect(rw.journalProblem).toBeUndefined();
    await village(new Session(rw, '测试员'), '续村');
    expect(names((await readVault(copy, PASSWORD)).doc)).toEqual(['只读村', '续村']);
    rw.close();
  });

  it('a backup holds the journaled changes; a password change leaves no journal under the old password', async () => {
    const { path, vault, session } = await fresh();
    await village(session, '备份村');
    const info = vault.backup();
    const backupDoc = decodePayload(decodeVault(readFileSync(join(`${path}.backups`, info.file)), masterOf(path)).plaintext) as VaultDocument;
    expect(names(backupDoc)).toEqual(['备份村']);
    await village(session, '改密村');
    expect(existsSync(journalPath(path))).toBe(true);
    await vault.changePassword(PASSWORD, 'journal-new-pass', 'delete');
    expect(existsSync(journalPath(path))).toBe(false);
    expect(names((await readVault(path, 'journal-new-pass')).doc)).toEqual(['备份村', '改密村']);
    vault.close();
  });
});

/** kill -9 while appending, 12 times: the vault opens every time with every answered change, at most one more. */
it('kill -9 mid-append loses at most the entry being written and never corrupts', async () => {
  const { path, vault } = await fresh();
  vault.close();
  const child = resolve('electron/vault/testing/journalChild.ts');
  for (let round = 0; round < 12; round++) {
    const reported = await new Promise<number>((done, fail) => {
      const p = spawn(process.execPath, ['--import', 'tsx', child, 'journalLoop', path, masterOf(path).toString('hex')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      p.stdout.setEncoding('utf8').on('data', (c: string) => {
        if (!out.includes('ready\n') && (out + c).includes('ready\n')) setTimeout(() => p.kill('SIGKILL'), Math.random() * 400);
        out += c;
      });
      p.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
      p.on('exit', () => {
        const last = [...out.matchAll(/journaled (\d+)/g)].at(-1);
        if (!last) fail(new Error(`child made no change: ${err}`));
        else done(Number(last[1]));
      });
    });
    const v = open(path);
    expect(v.journalProblem, `round ${round}`).toBeUndefined();
    const ids = v.doc.villages.map((x) => x.id);
    expect(ids.length, `round ${round}: reported ${reported}`).toBeGreaterThanOrEqual(reported);
    expect(ids.length, `round ${round}: reported ${reported}`).toBeLessThanOrEqual(reported + 1);
    expect(ids).toEqual(ids.map((_, i) => `v${i + 1}`));
    expect(verifyAudit(v.doc.audit).ok).toBe(true);
    // Every other round is left uncompacted, so the next child resumes a journal with a tail to trim.
    if (round % 2 === 0) v.close();
    else {
      (v as unknown as { saving: number }).saving = 1;
      v.close();
    }
  }
}, 600_000);
