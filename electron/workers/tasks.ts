/**
 * What the worker threads can be asked to do. Each task gets its plain input, the big arrays sent
 * in slices (`bulk`) and a way to report progress; it runs in the worker, never on the thread
 * that answers calls. Nothing here may import `electron`.
 */
import type { ReportProgress } from '../../shared/contract/job.js';
import type { ImportPreview } from '../../shared/contract/import.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import type { Village } from '../../shared/domain/village.js';
import { previewFile, type PreviewOptions } from '../importer/preview.js';
import { writeFileAtomic } from '../vault/atomicWrite.js';
import { encodeVaultParts, type KdfParams } from '../vault/format.js';
import { encodePayload } from '../vault/payload.js';
import { saveError } from '../vault/vault.js';

/** Bytes cross threads as Uint8Array; the Node APIs here want Buffers (no copy). */
const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export const tasks = {
  /** 花名册 read + validate (electron/importer/preview.ts). bulk: villages, cadres. */
  'import.preview': (
    input: { bytes: Uint8Array; fileName: string; opts: PreviewOptions },
    bulk: { villages?: Village[]; cadres?: Cadre[] },
    progress: ReportProgress,
  ): ImportPreview =>
    previewFile(asBuffer(input.bytes), input.fileName, input.opts, { villages: bulk.villages ?? [], cadres: bulk.cadres ?? [] }, progress),

  /**
   * A save: pack, encrypt and atomically replace the vault file (temp file, fsync, rename,
   * fsync of the folder). The document comes as its non-array fields plus its arrays in bulk,
   * put back in the original key order.
   */
  'vault.write': (
    input: { path: string; master: Uint8Array; kdf: KdfParams; rest: Record<string, unknown>; keys: string[] },
    bulk: Record<string, unknown[]>,
    progress: ReportProgress,
  ): null => {
    const doc: Record<string, unknown> = {};
    for (const k of input.keys) doc[k] = k in bulk ? bulk[k] : input.rest[k];
    progress(0, 1, '写入');
    const master = asBuffer(input.master);
    try {
      writeFileAtomic(input.path, encodeVaultParts(encodePayload(doc as unknown as VaultDocument), master, input.kdf));
    } catch (e) {
      throw saveError(e, input.path);
    } finally {
      master.fill(0);
    }
    progress(1, 1, '写入');
    return null;
  },
};

export type TaskName = keyof typeof tasks;
export type TaskInput<T extends TaskName> = Parameters<(typeof tasks)[T]>[0];
export type TaskOutput<T extends TaskName> = ReturnType<(typeof tasks)[T]>;
