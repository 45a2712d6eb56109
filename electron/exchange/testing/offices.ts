/**
 * Test offices: real vaults (scrypt and all) for the district and two 镇街, each with its office set
 * and the others trusted, as two officials would after reading fingerprints over the phone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyDocument, type VaultDocument } from '../../../shared/domain/document.js';
import { Session } from '../../store/session.js';
import { OpenVault } from '../../vault/vault.js';
import { ownPublicKeyFile, setOffice, trustOffice } from '../identity.js';

export const DALIANG = '440606005';
export const RONGGUI = '440606006';
export const DISTRICT = '440606';

export interface Office {
  session: Session;
  path: string;
  /** The document as JSON plus the vault file's bytes: what "nothing changed" compares. */
  state(): string;
}

export async function openOffice(dir: string, name: string, office: string, doc: VaultDocument = emptyDocument()): Promise<Office> {
  const path = join(dir, `${name}.cdv`);
  const vault = await OpenVault.create(path, 'exchange-test-1', doc);
  const session = new Session(vault, `${name}操作员`);
  await setOffice(session, office);
  return { session, path, state: () => JSON.stringify(session.doc) + readFileSync(path).toString('base64') };
}

export async function trustEachOther(a: Office, b: Office): Promise<void> {
  const ka = ownPublicKeyFile(a.session.doc);
  const kb = ownPublicKeyFile(b.session.doc);
  await trustOffice(b.session, ka.text, ka.fingerprint);
  await trustOffice(a.session, kb.text, kb.fingerprint);
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
