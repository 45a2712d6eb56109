/**
 * The edit journal: `<vault>.journal`, beside the vault file, so one edit's durable save costs
 * what the edit changed rather than the whole vault (issue #20: at 50 000 cadres a full save
 * packs, encrypts and writes ≈25 MB for one changed phone number).
 *
 * Design
 * - Which changes go here: only changes that say exactly what they changed — the record
 *   helpers' create / update / 回收站 (electron/handlers/records.ts) name the one record they
 *   touched, and Session adds the audit entries the change appended. Every other change (imports,
 *   programs, settings, restores…) still saves the whole vault, and a whole save makes the journal
 *   obsolete (see "belongs to"). A change that does not declare its effects can therefore never
 *   be half-journaled: nothing is inferred.
 * - Format: "CDJRNL01" | header length u32 | header JSON { base, salt } | entries.
 *   `base` is the SHA-256 of the vault file's authenticated header, which is new on every whole
 *   save (fresh salt and nonce): the journal extends exactly that file. A journal whose base is
 *   not the current vault file's (a whole save, password change or restore happened after it) is
 *   obsolete: its changes are already in the file, or were replaced on purpose. It is never applied.
 * - Entry: length u32 | nonce 12 | AES-256-GCM ciphertext | tag 16. Key = HKDF-SHA-256(master,
 *   salt, "cadre-desk journal v1"), a fresh random salt per journal and a fresh random nonce per
 *   entry. The additional data of entry i is the chain hash h(i-1), where h(-1) = SHA-256(file
 *   header) and h(i) = SHA-256(h(i-1) | entry i as stored): an entry removed, reordered or copied
 *   from another journal fails authentication.
 * - Append: one write of the whole entry, then fsync (the folder is fsynced when the journal is
 *   created). The change's call answers only after the fsync. A failed write is cut back off the
 *   file (ftruncate), so the next entry never follows a torn one.
 * - Replay on unlock: entries are applied in order. A last entry cut short (the process was
 *   killed while writing it — its call never answered) is dropped: that is the most kill -9 can
 *   lose. Anything else that does not authenticate — a damaged byte, a broken chain — stops the
 *   replay: the entries before it are applied, and the user is told in Chinese how many entries
 *   could not be read; the damaged journal is kept as `<vault>.journal.damaged-<time>`.
 * - Compaction (a whole save, then the journal is removed): when the journal passes
 *   COMPACT_BYTES or COMPACT_ENTRIES, after IDLE_COMPACT_MS without edits, before any backup
 *   (so a backup holds every change), and on lock when no save is under way. If the process
 *   dies first, nothing is lost: the journal is replayed at the next unlock.
 * - A read-only vault (held by another program, or a folder that cannot be written) replays the
 *   journal it finds but never writes, truncates or renames one.
 */
import { closeSync, copyFileSync, fstatSync, ftruncateSync, openSync, readFileSync, readSync, unlinkSync, writeSync, fsyncSync } from 'node:fs';
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import type { AuditEntry } from '../../shared/domain/audit.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { fsyncDir } from './atomicWrite.js';
import { readHeader } from './format.js';

const MAGIC = Buffer.from('CDJRNL01', 'ascii');
const NONCE = 12;
const TAG = 16;
/** Compact once the journal holds this much: replaying it must stay a small part of an unlock. */
export const COMPACT_BYTES = 4 * 1024 * 1024;
export const COMPACT_ENTRIES = 400;
export const IDLE_COMPACT_MS = 60_000;

export type JournalOp =
  | { op: 'put'; collection: string; record: Record<string, unknown> }
  | { op: 'audit'; entries: AuditEntry[] };

export const journalPath = (vaultPath: string) => `${vaultPath}.journal`;

/** Identifies one whole save of the vault file: the hash of its authenticated header. */
export function vaultFileId(vaultPath: string): string {
  const fd = openSync(vaultPath, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(Math.min(size, 128 * 1024));
    readSync(fd, buf, 0, buf.length, 0);
    return fileIdOf(buf);
  } finally {
    closeSync(fd);
  }
}

export function fileIdOf(vaultFile: Buffer): string {
  return createHash('sha256').update(readHeader(vaultFile).aad).digest('hex');
}

function journalKey(master: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, salt, 'cadre-desk journal v1', 32));
}

export interface Replay {
  ops: JournalOp[][];
  /** Bytes of whole, authenticated entries (what a writer keeps). */
  goodBytes: number;
  /** A last entry cut short by a crash. */
  torn: boolean;
  /** Set when something other than a torn tail did not authenticate: what to tell the user. */
  damage?: string;
  salt: Buffer;
  chain: Buffer;
}

/**
 * Reads the journal of the vault file `fileId`. null: there is none, or it belongs to another
 * (earlier) save of the file and must not be applied.
 */
export function readJournal(vaultPath: string, fileId: string, master: Buffer): Replay | null {
  const path = journalPath(vaultPath);
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const name = basename(path);
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    // A journal whose header never reached the disk holds no entries yet.
    if (file.length < MAGIC.length + 4 && MAGIC.subarray(0, file.length).equals(file.subarray(0, MAGIC.length))) return null;
    return { ops: [], goodBytes: 0, torn: false, damage: `修改日志 ${name} 的文件头已损坏，其中记录的修改无法读取`, salt: Buffer.alloc(0), chain: Buffer.alloc(0) };
  }
  const headerLen = file.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLen;
  if (headerEnd > file.length) return null; // the header itself was being written: no entries
  let header: { base?: string; salt?: string };
  try {
    header = JSON.parse(file.subarray(MAGIC.length + 4, headerEnd).toString('utf8')) as typeof header;
  } catch {
    return { ops: [], goodBytes: 0, torn: false, damage: `修改日志 ${name} 的文件头已损坏，其中记录的修改无法读取`, salt: Buffer.alloc(0), chain: Buffer.alloc(0) };
  }
  if (header.base !== fileId) return null;
  const salt = Buffer.from(header.salt ?? '', 'base64');
  const key = journalKey(master, salt);
  let chain = createHash('sha256').update(file.subarray(0, headerEnd)).digest();
  const ops: JournalOp[][] = [];
  let off = headerEnd;
  while (off < file.length) {
    const len = off + 4 <= file.length ? file.readUInt32LE(off) : -1;
    if (len < 0 || off + 4 + len > file.length) return { ops, goodBytes: off, torn: true, salt, chain };
    const stored = file.subarray(off, off + 4 + len);
    try {
      if (len < NONCE + TAG) throw new Error('short');
      const nonce = stored.subarray(4, 4 + NONCE);
      const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
      decipher.setAAD(chain);
      decipher.setAuthTag(stored.subarray(stored.length - TAG));
      const plain = Buffer.concat([decipher.update(stored.subarray(4 + NONCE, stored.length - TAG)), decipher.final()]);
      ops.push(JSON.parse(plain.toString('utf8')) as JournalOp[]);
    } catch {
      const skipped = ops.length;
      return {
        ops,
        goodBytes: off,
        torn: false,
        damage: `修改日志 ${name} 已损坏：前 ${skipped} 条修改已载入，自第 ${skipped + 1} 条起的修改无法读取（可能是磁盘故障或文件被改动）`,
        salt,
        chain,
      };
    }
    chain = createHash('sha256').update(chain).update(stored).digest();
    off += stored.length;
  }
  return { ops, goodBytes: off, torn: false, salt, chain };
}

/** Applies journal entries to a document, in order. */
export function applyJournal(doc: VaultDocument, entries: JournalOp[][]): void {
  const d = doc as unknown as Record<string, unknown>;
  for (const ops of entries) {
    for (const op of ops) {
      if (op.op === 'audit') {
        doc.audit.push(...op.entries);
        continue;
      }
      const list = d[op.collection];
      if (!Array.isArray(list)) continue;
      const at = (list as Array<{ id: string }>).findIndex((r) => r.id === op.record.id);
      if (at >= 0) list[at] = op.record;
      else list.push(op.record);
    }
  }
}

/**
 * Keeps a copy of a damaged journal for whoever looks into it; returns its name. A copy, not a
 * rename: the journal stays until the whole save that follows has the entries read from it.
 */
export function setAsideDamaged(vaultPath: string): string {
  const to = `${journalPath(vaultPath)}.damaged-${Date.now()}`;
  copyFileSync(journalPath(vaultPath), to);
  fsyncDir(dirname(vaultPath));
  return basename(to);
}

export function removeJournal(vaultPath: string): void {
  try {
    unlinkSync(journalPath(vaultPath));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    return;
  }
  fsyncDir(dirname(vaultPath));
}

/** The writer's side: appends sealed entries to the journal of one whole save of the vault file. */
export class JournalWriter {
  private size: number;
  entries: number;

  private constructor(
    private readonly path: string,
    private readonly key: Buffer,
    private chain: Buffer,
    size: number,
    entries: number,
  ) {
    this.size = size;
    this.entries = entries;
  }

  /** A new, empty journal for the vault file `fileId` (replacing any obsolete one). */
  static create(vaultPath: string, fileId: string, master: Buffer): JournalWriter {
    const path = journalPath(vaultPath);
    const salt = randomBytes(16);
    const headerJson = Buffer.from(JSON.stringify({ base: fileId, salt: salt.toString('base64') }), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(headerJson.length);
    const header = Buffer.concat([MAGIC, len, headerJson]);
    const fd = openSync(path, 'w', 0o600);
    try {
      writeAll(fd, header);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    fsyncDir(dirname(vaultPath));
    return new JournalWriter(path, journalKey(master, salt), createHash('sha256').update(header).digest(), header.length, 0);
  }

  /** Continues a journal read at unlock; a torn tail is cut off first. */
  static resume(vaultPath: string, replay: Replay, master: Buffer): JournalWriter {
    const path = journalPath(vaultPath);
    const fd = openSync(path, 'r+');
    try {
      if (fstatSync(fd).size !== replay.goodBytes) {
        ftruncateSync(fd, replay.goodBytes);
        fsyncSync(fd);
      }
    } finally {
      closeSync(fd);
    }
    return new JournalWriter(path, journalKey(master, replay.salt), replay.chain, replay.goodBytes, replay.ops.length);
  }

  get bytes(): number {
    return this.size;
  }

  /** Seals, appends and fsyncs one entry. On failure the file is cut back to where it was. */
  append(ops: JournalOp[]): void {
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce, { authTagLength: TAG });
    cipher.setAAD(this.chain);
    const body = Buffer.concat([cipher.update(Buffer.from(JSON.stringify(ops), 'utf8')), cipher.final(), cipher.getAuthTag()]);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(NONCE + body.length);
    const stored = Buffer.concat([len, nonce, body]);
    const fd = openSync(this.path, 'r+');
    try {
      try {
        writeAll(fd, stored, this.size);
        fsyncSync(fd);
      } catch (e) {
        try {
          ftruncateSync(fd, this.size);
          fsyncSync(fd);
        } catch {
          /* the reader drops a torn tail anyway */
        }
        throw e;
      }
    } finally {
      closeSync(fd);
    }
    this.chain = createHash('sha256').update(this.chain).update(stored).digest();
    this.size += stored.length;
    this.entries++;
  }

  forget(): void {
    this.key.fill(0);
  }
}

function writeAll(fd: number, buf: Buffer, position?: number): void {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off, position === undefined ? null : position + off);
}

