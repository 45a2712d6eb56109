/**
 * The desktop app's platform set (see electron/platform/platform.ts): the BrowserWindow
 * printToPDF engine with the system print dialog, the native file dialogs, and what the shell
 * remembers in userData. main.ts builds it once and hands it to AppState.
 */
import { app } from 'electron';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { standardVaultPath, type Platform } from '../platform/platform.js';
import { fileShellMemory } from '../platform/shellMemory.js';
import { electronDialogs } from './dialogs.js';
import { createElectronPdfEngine } from './printPdf.js';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function electronPlatform(): Platform {
  const memory = fileShellMemory(join(app.getPath('userData'), 'shell-settings.json'));
  const last = memory.lastVault();
  return {
    mode: 'electron',
    pdfEngine: createElectronPdfEngine(),
    dialogs: electronDialogs(),
    // The vault chosen last time, so a vault kept on D: or a USB stick is where the app looks next.
    startVaultPath: last && isFile(last) ? last : standardVaultPath(),
    memory,
  };
}
