/**
 * What the desktop shell remembers between runs, outside the vault (it is needed before
 * unlock): the last folder used per kind of file, and the last vault opened. A small JSON file
 * in the app's userData folder, replaced atomically; a damaged or missing file means "nothing
 * remembered", never a failed start.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../vault/atomicWrite.js';

export type FileKind = 'vault' | 'backup' | 'excel' | 'csv' | 'pdf' | 'lrmx' | 'zip' | 'image';

export interface ShellMemory {
  folder(kind: FileKind): string | undefined;
  rememberFolder(kind: FileKind, folder: string): void;
  lastVault(): string | undefined;
  rememberVault(path: string): void;
}

interface Remembered {
  folders: Partial<Record<FileKind, string>>;
  lastVault?: string;
}

function parse(text: string): Remembered {
  try {
    const raw = JSON.parse(text) as Partial<Remembered>;
    const folders: Partial<Record<FileKind, string>> = {};
    for (const [k, v] of Object.entries(raw.folders ?? {})) if (typeof v === 'string') folders[k as FileKind] = v;
    return { folders, lastVault: typeof raw.lastVault === 'string' ? raw.lastVault : undefined };
  } catch {
    return { folders: {} };
  }
}

function memoryOver(state: Remembered, persist: (s: Remembered) => void): ShellMemory {
  return {
    folder: (kind) => state.folders[kind],
    rememberFolder(kind, folder) {
      if (state.folders[kind] === folder) return;
      state.folders[kind] = folder;
      persist(state);
    },
    lastVault: () => state.lastVault,
    rememberVault(path) {
      if (state.lastVault === path) return;
      state.lastVault = path;
      persist(state);
    },
  };
}

/** Kept in `file` (the desktop app's userData). Writing it may fail (read-only profile): then it is only not remembered. */
export function fileShellMemory(file: string): ShellMemory {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    /* first run */
  }
  return memoryOver(parse(text), (s) => {
    try {
      // The app's own userData folder (Electron makes it at start; made here should it not be there yet).
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileAtomic(file, Buffer.from(JSON.stringify(s, null, 2)));
    } catch (e) {
      console.error('[cadre-desk] 无法保存界面设置（上次使用的文件夹）：', (e as Error).message);
    }
  });
}

/** For browser mode and tests: remembered while the process runs. */
export function ephemeralShellMemory(): ShellMemory {
  return memoryOver({ folders: {} }, () => undefined);
}
