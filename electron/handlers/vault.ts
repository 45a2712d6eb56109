import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../shared/contract/define.js';
import type { VaultStatus } from '../../shared/contract/vault.js';
import { vaultContract } from '../../shared/contract/vault.js';
import { emptyDocument } from '../../shared/domain/document.js';
import { applySettingsPatch } from '../../shared/domain/settings.js';
import { verifyAudit } from '../store/audit.js';
import { Session } from '../store/session.js';
import { OpenVault, restoreBackup } from '../vault/vault.js';
import { listBackups } from '../vault/backups.js';
import { buildDemoDocument } from '../demo/generate.js';
import { oldCopiesSummary } from '../../shared/domain/oldCopies.js';
import type { AppState } from './appState.js';
import type { HandlersFor } from './types.js';

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
    demo: s?.doc.meta.demo ?? false,
    mode: app.mode,
  };
}

export const vaultHandlers: HandlersFor<typeof vaultContract> = {
  'vault.status': (_i, app) => status(app),

  'vault.create': async ({ path, password, operator, demo }, app) => {
    const target = resolve(path);
    mkdirSync(dirname(target), { recursive: true });
    const doc = demo ? buildDemoDocument({ cadres: 2000, seed: 20231 }) : emptyDocument();
    const vault = await OpenVault.create(target, password, doc);
    const session = new Session(vault, operator);
    app.vaultPath = target;
    app.open(session);
    await session.mutate((_d, audit) => audit({ action: 'vault.create', entity: 'vault', recordId: '', summary: demo ? '创建示例档案库' : '创建档案库' }));
    return status(app);
  },

  'vault.unlock': async ({ path, password, operator }, app) => {
    const target = resolve(path ?? app.vaultPath);
    // Unlocking again in the same app (a second window, a reload) must not meet our own
    // lock file and fall back to read-only: let go of the current session first.
    if (app.session) app.lock('manual');
    const vault = await OpenVault.open(target, password);
    app.vaultPath = target;
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

  'vault.backups': ({ path }, app) => listBackups(resolve(path ?? app.vaultPath)),

  'vault.backupNow': (_i, app) => app.requireSession().vault.backup(),

  'vault.restoreBackup': async ({ path, file, password, operator }, app) => {
    const target = resolve(path ?? app.vaultPath);
    if (app.session?.vault.readOnly) throw new AppError('READ_ONLY', '只读窗口不能恢复备份');
    // Keep the state being replaced as a backup too, so the restore itself can be undone.
    if (app.session) app.session.vault.backup();
    app.lock('manual');
    await restoreBackup(target, file, password);
    const vault = await OpenVault.open(target, password);
    app.vaultPath = target;
    const session = new Session(vault, operator);
    app.open(session);
    await session.mutate((_d, audit) => audit({ action: 'vault.restore', entity: 'vault', recordId: '', summary: `从备份 ${file} 恢复` }));
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
