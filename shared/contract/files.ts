import { z } from 'zod';
import { method } from './define.js';
import type { VaultStatus } from './vault.js';

/**
 * The desktop app's file dialogs. The page asks for a choice; the privileged side shows the
 * system dialog, keeps the chosen path and answers only what the page needs to show. Browser
 * mode has no dialogs and refuses these (its page has a path field and downloads files).
 */
export const filesContract = {
  /** Where a new vault goes ('create') or which existing one to open ('open'); the choice becomes `vault.status().path`. */
  'dialog.chooseVault': method<{ chosen: boolean; status: VaultStatus }>()(z.object({ purpose: z.enum(['create', 'open']) })),
  /** A backup file to restore from, anywhere (a copy on a USB stick); `vault.restoreBackup` without `file` uses it. */
  'dialog.chooseBackupFile': method<{ chosen: string | null }>()(z.object({})),
  /** Saves an export: the save dialog (starting in the folder last used for that kind of file), then an atomic write. */
  'file.save': method<{ saved: boolean; path?: string }>()(
    z.object({
      fileName: z.string().trim().min(1, '缺少文件名').max(200, '文件名过长'),
      base64: z.string().max(280 * 1024 * 1024, '文件过大'),
    }),
  ),
};
