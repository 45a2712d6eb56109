import { Low } from 'lowdb';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract/define.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { IDLE_COMPACT_MS, type JournalOp } from '../vault/journal.js';
import { OpenVault } from '../vault/vault.js';
import { appendAudit, type AuditInput } from './audit.js';
import { CadreViews } from './cadreView.js';
import { SearchKeys } from './searchKeys.js';

/**
 * lowdb holds the document in memory; our adapter encrypts it into the vault file
 * (lowdb's own file adapters are not durable and not encrypted).
 */
class EncryptedAdapter {
  constructor(private vault: OpenVault) {}
  read(): Promise<VaultDocument | null> {
    return Promise.resolve(this.vault.doc);
  }
  async write(data: VaultDocument): Promise<void> {
    this.vault.doc = data;
    await this.vault.saveInBackground();
  }
}

/** An unlocked vault plus who is working on it. Handlers reach data only through this. */
export class Session {
  readonly db: Low<VaultDocument>;
  /** 拼音 keys of this vault's cadre names, warmed on unlock (AppState.open). */
  readonly searchKeys = new SearchKeys();
  /** The 干部档案 list's rows, orders and searches, served a window at a time (cadreView.ts). */
  readonly cadreViews = new CadreViews(this.searchKeys);

  constructor(
    readonly vault: OpenVault,
    readonly operator: string,
  ) {
    this.db = new Low<VaultDocument>(new EncryptedAdapter(vault), vault.doc);
  }

  get doc(): VaultDocument {
    return this.db.data;
  }

  /**
   * Runs a change and saves once. If `fn` throws, or the save fails, the in-memory document
   * goes back to the last saved state, so nothing half-written is ever kept or shown.
   * Audit entries are appended inside the same save.
   */
  mutate<T>(fn: (doc: VaultDocument, audit: (e: AuditInput) => void) => T, journal?: (result: T) => JournalOp[]): Promise<T> {
    // Saves run in a worker, so the next change could start while one is still being written:
    // one change at a time, in the order they came, each settled (on disk or rolled back) first.
    const run = this.lastChange.then(() => this.mutateNow(fn, journal));
    this.lastChange = run.catch(() => undefined);
    return run;
  }

  private lastChange: Promise<unknown> = Promise.resolve();

  /**
   * `journal`: the change's whole effect besides its audit entries, as journal operations. Only a
   * change that says so may be journaled (electron/vault/journal.ts); the others save the whole vault.
   */
  private async mutateNow<T>(fn: (doc: VaultDocument, audit: (e: AuditInput) => void) => T, journal?: (result: T) => JournalOp[]): Promise<T> {
    if (this.vault.readOnly) throw new AppError('READ_ONLY', this.vault.readOnlyMessage);
    // A change whose save failed is still in memory if the disk was gone even for the reload;
    // drop it before anything else is written, or a later save would persist it after all.
    if (this.memoryAheadOfDisk) this.reloadFromDisk();
    const at = new Date().toISOString();
    let result: T;
    try {
      const auditFrom = this.db.data.audit.length;
      result = fn(this.db.data, (e) => appendAudit(this.db.data.audit, this.operator, e, at));
      if (journal && this.vault.canJournal()) {
        this.vault.appendJournal([...journal(result), { op: 'audit', entries: this.db.data.audit.slice(auditFrom) }]);
        this.compactLater();
      } else {
        await this.db.write();
      }
    } catch (e) {
      try {
        this.reloadFromDisk();
      } catch {
        this.memoryAheadOfDisk = true;
      }
      throw e;
    }
    return result;
  }

  private memoryAheadOfDisk = false;
  private idleCompaction: NodeJS.Timeout | undefined;

  /** Folds the journal into the vault file now if it is large, else after a quiet minute. */
  private compactLater(): void {
    clearTimeout(this.idleCompaction);
    if (this.vault.journalFull) {
      void this.compact();
      return;
    }
    this.idleCompaction = setTimeout(() => void this.compact(), IDLE_COMPACT_MS);
    this.idleCompaction.unref?.();
  }

  /** A whole save of the vault, in the change queue; it makes the journal obsolete. */
  compact(): Promise<void> {
    const run = this.lastChange.then(async () => {
      if (!this.vault.isOpen || this.vault.readOnly || this.vault.journaled === 0) return;
      await this.db.write();
    });
    this.lastChange = run.catch(() => undefined);
    return run.catch(() => undefined);
  }

  private reloadFromDisk(): void {
    this.vault.reload();
    this.db.data = this.vault.doc;
    this.memoryAheadOfDisk = false;
  }
}

export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();
