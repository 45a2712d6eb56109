/**
 * The system open/save dialogs, shown over the app's window. The privileged side decides what
 * is asked (title, folder, file types); the page only asks for "choose a vault", "save this".
 */
import { BrowserWindow, dialog } from 'electron';
import type { DialogRequest, FileDialogs } from '../platform/platform.js';

function parent(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

export function electronDialogs(): FileDialogs {
  return {
    async chooseFileToOpen(req: DialogRequest) {
      const opts: Electron.OpenDialogOptions = { title: req.title, defaultPath: req.defaultPath, filters: req.filters, buttonLabel: req.buttonLabel, properties: ['openFile', 'dontAddToRecent'] };
      const win = parent();
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
    },
    async chooseFileToSave(req: DialogRequest) {
      const opts: Electron.SaveDialogOptions = { title: req.title, defaultPath: req.defaultPath, filters: req.filters, buttonLabel: req.buttonLabel, properties: ['showOverwriteConfirmation', 'createDirectory', 'dontAddToRecent'] };
      const win = parent();
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}
