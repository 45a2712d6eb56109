import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { AppError } from '../../shared/contract/define.js';
import type { VaultStatus } from '../../shared/contract/vault.js';
import { vaultContract } from '../../shared/contract/vault.js';
import { emptyDocument } from '../../shared/domain/document.js';
import { applySettingsPatch } from '../../shared/domain/settings.js';
import { verifyAudit } from '../store/audit.js';
import { Session } from '../store/session.js';
import { OpenVault, parseDocument, replaceVaultWith } from '../vault/vault.js';
import { backupPath, listBackups } from '../vault/backups.js';
import { decodeVault, deriveMasterKey, readHeader } from '../vault/format.js';
import { buildDemoDocument } from '../demo/generate.js';
import { oldCopiesSummary } from '../../shared/domain/oldCopies.js';
import type { AppState } from './appState.js';
import type { HandlersFor } from './types.js';
import { absoluteVaultPath, checkNewVaultTarget, readVaultFileSafely } from './vaultLocation.js';

export function status(app: AppState): VaultStatus {
  const s = app.session;
  return {
    path: app.vaultPath,
    exists: existsSync(app.vaultPath),
    unlocked: !!s,
    readOnly: s?.vault.readOnly ?? false,
    readOnlyReason: !s?.vault.readOnly
      ? undefined
      : s.vault.diskProblem
        ? s.vault.readOnlyMessage
        : `档案库正被另一个程序使用（进程 ${s.vault.lockHolder?.pid ?? '?'}，自 ${s.vault.lockHolder?.since ?? '?'} 起），本窗口只读`,
    operator: s?.operator,
    copiesUnderOtherPasswords: s?.vault.copiesUnderOtherPasswords(),
    journalProblem: s?.vault.journalProblem,
    demo: s?.doc.meta.demo ?? false,
    mode: app.mode,
  };
}

/**
 * The vault a create/unlock is about. The desktop app takes none from the page (the shell's
 * dialog chose it: `dialog.chooseVault`); browser mode's path field must name a full path.
 */
function vaultPathFromPage(app: AppState, path: string | undefined): string {
  if (path === undefined) return resolve(app.vaultPath);
  if (app.platform.dialogs) throw new AppError('INVALID', '桌面版请点“选择…”在系统对话框中选择档案库位置');
  return absoluteVaultPath(path);
}

/** The vault now in use; the desktop app looks for it there next time. */
function useVault(app: AppState, path: string): void {
  app.vaultPath = path;
  app.platform.memory.rememberVault(path);
  app.platform.memory.rememberFolder('vault', dirname(path));
}

export const vaultHandlers: HandlersFor<typeof vaultContract> = {
  'vault.status': (_i, app) => status(app),

  'vault.create': async ({ path, password, operator, demo }, app) => {
    const target = await checkNewVaultTarget(vaultPathFromPage(app, path));
    const doc = demo ? buildDemoDocument({ cadres: 2000, seed: 20231 }) : emptyDocument();
    const vault = await OpenVault.create(target, password, doc);
    const session = new Session(vault, operator);
    useVault(app, target);
    app.open(session);
    await session.mutate((_d, audit) => audit({ action: 'vault.create', entity: 'vault', recordId: '', summary: demo ? '创建示例档案库' : '创建档案库' }));
    return status(app);
  },

  'vault.unlock': async ({ path, password, operator }, app) => {
    const target = vaultPathFromPage(app, path);
    // Everything that can fail — the path, the file, the password — is settled before the open
    // session (if any) is touched: a failed unlock leaves it exactly as it was.
    let file = await readVaultFileSafely(target);
    let { header } = readHeader(file);
    let master = await deriveMasterKey(password, header.kdf);
    let vault: OpenVault;
    try {
      if (app.session && resolve(app.session.vault.path) === target) {
        decodeVault(file, master);
        // Unlocking again in the same app (a second window, a reload) must not meet our own
        // lock file and fall back to read-only: let go of the current session first.
        app.lock('manual');
        // Locking folded the session's 修改日志 into the vault file and removed the journal:
        // open what is on disk now, not the bytes read before, or the journaled edits are lost.
        file = await readVaultFileSafely(target);
        const now = readHeader(file).header;
        if (JSON.stringify(now.kdf) !== JSON.stringify(header.kdf)) {
          master.fill(0);
          master = await deriveMasterKey(password, now.kdf);
        }
        header = now;
      }
      vault = OpenVault.openWithKey(target, file, master, header.kdf);
    } catch (e) {
      master.fill(0); // the key is the open vault's from here on, never before
      throw e;
    }
    useVault(app, target);
    app.open(new Session(vault, operator));
    return status(app);
  },

  'vault.lock': (_i, app) => {
    app.lock('manual');
    return status(app);
  },

  'vault.changePassword': async ({ oldPassword, newPassword, oldBackups }, app) => {
    const s = app.requireSession();
    const copies = await s.vault.changePassword(oldPassword, newPassword, oldBackups);
    const what = oldCopiesSummary(copies).replace(/^密码已修改。/, '');
    await s.mutate((_d, audit) => audit({ action: 'vault.changePassword', entity: 'vault', recordId: '', summary: `修改档案库密码；${what}` }));
    return { ok: true as const, ...copies };
  },

  // Only ever the backups of this app's vault (the open one, or the one last chosen): no path from the page.
  'vault.backups': (_i, app) => listBackups(app.vaultPath),

  'vault.backupNow': (_i, app) => app.requireSession().vault.backup(),

  'vault.restoreBackup': async ({ file, password, operator }, app) => {
    const target = app.vaultPath;
    if (app.session?.vault.readOnly) throw new AppError('READ_ONLY', '只读窗口不能恢复备份');
    const from = file ? backupPath(target, file) : app.chosenBackupFile;
    if (!from) throw new AppError('INVALID', '请选择要恢复的备份');
    const src = await readVaultFileSafely(from).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NO_VAULT' ? new AppError('NOT_FOUND', `找不到备份文件：${file ?? from}`) : e;
    });
    // The backup must open with this password before the open session is let go of.
    const { header } = readHeader(src);
    const master = await deriveMasterKey(password, header.kdf);
    let vault: OpenVault;
    try {
      parseDocument(decodeVault(src, master).plaintext);
      // Keep the state being replaced as a backup too, so the restore itself can be undone.
      if (app.session) app.session.vault.backup();
      app.lock('manual');
      replaceVaultWith(target, src);
      vault = OpenVault.openWithKey(target, src, master, header.kdf);
    } catch (e) {
      master.fill(0); // the key is the open vault's from here on, never before
      throw e;
    }
    app.chosenBackupFile = null;
    useVault(app, target);
    const session = new Session(vault, operator);
    app.open(session);
    await session.mutate((_d, audit) => audit({ action: 'vault.restore', entity: 'vault', recordId: '', summary: `从备份 ${file ?? basename(from)} 恢复` }));
    return status(app);
  },

  'settings.get': (_i, app) => app.requireSession().doc.settings,

  'settings.update': async (patch, app) => {
    const s = app.requireSession();
    const next = applySettingsPatch(s.doc.settings, patch);
    await s.mutate((doc, audit) => {
      audit({ action: 'settings.update', entity: 'settings', recordId: '', summary: '修改设置', before: doc.settings, after: next });
      doc.settings = next;
    });
    return next;
  },

  'audit.list': ({ recordId, offset, limit }, app) => {
    const all = app.requireSession().doc.audit;
    const list = recordId ? all.filter((e) => e.recordId === recordId) : all;
    const newestFirst = list.slice().reverse();
    return { total: list.length, entries: newestFirst.slice(offset, offset + limit) };
  },

  'audit.verify': (_i, app) => verifyAudit(app.requireSession().doc.audit),
};
