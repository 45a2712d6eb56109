import { z } from 'zod';
import { method } from './define.js';
import type { AuditEntry } from '../domain/audit.js';
import { settingsPatchSchema, type Settings } from '../domain/settings.js';
import type { OldCopiesReport } from '../domain/oldCopies.js';

export interface VaultStatus {
  /** Where the vault file is (or will be created). */
  path: string;
  exists: boolean;
  unlocked: boolean;
  readOnly: boolean;
  /** Why the vault is read-only (another instance holds the lock, or its folder cannot be written). */
  readOnlyReason?: string;
  operator?: string;
  /**
   * Older backups (or damaged copies) not under the current password, by file name: a password
   * change cut short, or one made by 0.1.x. They may still open with an earlier password.
   */
  copiesUnderOtherPasswords?: string[];
  /** The edit journal beside the vault was damaged at unlock: which changes could not be read, and where the damaged copy is. */
  journalProblem?: string;
  demo: boolean;
  mode: 'electron' | 'browser';
}

export interface BackupInfo {
  file: string;
  at: string;
  bytes: number;
}

export const vaultContract = {
  'vault.status': method<VaultStatus>()(z.object({})),
  'vault.create': method<VaultStatus>()(
    z.object({
      /** Browser mode's path field only; the desktop app creates where its dialog chose. */
      path: z.string().min(1, '请选择保存位置').optional(),
      password: z.string().min(8, '密码至少 8 位'),
      operator: z.string().trim().min(1, '请填写操作人姓名').max(40),
      demo: z.boolean().default(false),
    }),
  ),
  'vault.unlock': method<VaultStatus>()(
    z.object({ path: z.string().optional(), password: z.string().min(1, '请输入密码'), operator: z.string().trim().min(1, '请填写操作人姓名').max(40) }),
  ),
  'vault.lock': method<VaultStatus>()(z.object({})),
  'vault.changePassword': method<{ ok: true } & OldCopiesReport>()(
    z.object({
      oldPassword: z.string().min(1),
      newPassword: z.string().min(8, '新密码至少 8 位'),
      /** What becomes of older backups, which would otherwise still open with the old password. */
      oldBackups: z.enum(['reencrypt', 'delete']).default('reencrypt'),
    }),
  ),
  /** The backups of this app's vault only: no path is taken from the page. */
  'vault.backups': method<BackupInfo[]>()(z.object({}).strict()),
  'vault.backupNow': method<BackupInfo>()(z.object({})),
  'vault.restoreBackup': method<VaultStatus>()(
    /** `file`: a backup from `vault.backups`; without it, the file the shell's dialog chose (`dialog.chooseBackupFile`). */
    z.object({ file: z.string().min(1).optional(), password: z.string().min(1), operator: z.string().trim().min(1).max(40) }).strict(),
  ),
  'settings.get': method<Settings>()(z.object({})),
  'settings.update': method<Settings>()(settingsPatchSchema),
  'audit.list': method<{ total: number; entries: AuditEntry[] }>()(
    z.object({ recordId: z.string().optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) }),
  ),
  'audit.verify': method<{ ok: boolean; entries: number; brokenAt?: number; message: string }>()(z.object({})),
};
