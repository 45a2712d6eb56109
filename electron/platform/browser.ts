/**
 * The browser-mode platform: PDFs from headless system Chromium, no system print or file
 * dialogs (the page prints with the browser and has a path field), nothing remembered on disk.
 * The bridge builds it; so do handler tests, which run the same handlers.
 */
import { chromiumPdfEngine } from '../print/pdf.js';
import { ephemeralShellMemory } from './shellMemory.js';
import { standardVaultPath, type Platform } from './platform.js';

export function browserPlatform(vaultPath: string = standardVaultPath()): Platform {
  return {
    mode: 'browser',
    pdfEngine: chromiumPdfEngine,
    dialogs: null,
    startVaultPath: vaultPath,
    memory: ephemeralShellMemory(),
  };
}
