/**
 * The save done in a worker thread (electron/workers, task 'vault.write'): pack, encrypt, write
 * the temp file, fsync, rename, fsync the folder — the same steps and the same atomic replace as
 * OpenVault.save, off the thread that answers calls. The document is handed over as its plain
 * fields plus its arrays in slices, so even 50 000 cadres never block this thread for long.
 * Callers must not change the document until the returned promise settles (Session.mutate
 * runs one change at a time for this).
 */
import type { VaultDocument } from '../../shared/domain/document.js';
import { runInWorker } from '../workers/pool.js';
import type { KdfParams } from './format.js';

export async function writeVaultInWorker(path: string, doc: VaultDocument, master: Buffer, kdf: KdfParams): Promise<void> {
  const rest: Record<string, unknown> = {};
  const bulk: Record<string, unknown[]> = {};
  const keys = Object.keys(doc);
  for (const k of keys) {
    const v = (doc as unknown as Record<string, unknown>)[k];
    if (Array.isArray(v)) bulk[k] = v;
    else rest[k] = v;
  }
  // A copy of the key goes to the worker, which zeroes it when done; ours stays with the vault.
  const key = new Uint8Array(master);
  await runInWorker('vault.write', { path, master: key, kdf, rest, keys }, { bulk, transfer: [key.buffer] });
}
