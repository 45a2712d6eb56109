/**
 * The composition root's contract: everything that differs between the desktop app and
 * browser mode, handed to `AppState` in one piece when it is made. Each field is required, so
 * a shell that forgets one does not compile — there is no fallback to find at run time.
 *
 * Built by `electron/main/platform.ts` (Electron: printToPDF + system print, native dialogs,
 * folders remembered in userData) and `browserPlatform()` (browser mode, CLI-like tools, tests).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PdfEngine } from '../print/engine.js';
import type { ShellMemory } from './shellMemory.js';

/** One system file dialog, asked for by the privileged side (never by a path from the page). */
export interface DialogRequest {
  title: string;
  /** Folder, or folder + suggested file name, the dialog starts in. */
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  buttonLabel?: string;
}

/** The system open/save dialogs. Answers the chosen path, or null when the user cancelled. */
export interface FileDialogs {
  chooseFileToOpen(req: DialogRequest): Promise<string | null>;
  chooseFileToSave(req: DialogRequest): Promise<string | null>;
}

export interface Platform {
  readonly mode: 'electron' | 'browser';
  /** Turns print documents into PDF (and, where there is a window, sends them to a printer). */
  readonly pdfEngine: PdfEngine;
  /** Native dialogs; null in browser mode, whose page has a path field instead. */
  readonly dialogs: FileDialogs | null;
  /** The vault looked for at start (the desktop app: the one used last, if it is still there). */
  readonly startVaultPath: string;
  /** Last folder per kind of file, and the last vault; survives restarts in the desktop app. */
  readonly memory: ShellMemory;
}

/**
 * Where a first vault goes when nobody chose: `~/cadre-desk/cadre-desk.cdv` (or
 * `CADRE_DESK_VAULT`). This one folder — the app's own, not one named by the page — is the only
 * folder `vault.create` may make.
 */
export function standardVaultPath(): string {
  return process.env.CADRE_DESK_VAULT ?? join(homedir(), 'cadre-desk', 'cadre-desk.cdv');
}
