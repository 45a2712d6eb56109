/**
 * The desktop app's file dialogs (contract: shared/contract/files.ts). The page never sends a
 * path: it asks for a choice, the shell's dialog answers, and the chosen path stays here.
 */
import { homedir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { AppError } from '../../shared/contract/define.js';
import { filesContract } from '../../shared/contract/files.js';
import type { FileDialogs } from '../platform/platform.js';
import type { FileKind } from '../platform/shellMemory.js';
import { writeFileAtomic } from '../vault/atomicWrite.js';
import { backupDir } from '../vault/backups.js';
import type { AppState } from './appState.js';
import type { HandlersFor } from './types.js';
import { status } from './vault.js';
import { checkNewVaultTarget, checkVaultFile } from './vaultLocation.js';

const VAULT_FILTER = [{ name: '档案库文件', extensions: ['cdv'] }];

/** The files an export may be saved as, by extension: which folder memory they use and how the dialog names them. */
const SAVE_KINDS: Record<string, { kind: FileKind; label: string }> = {
  '.xlsx': { kind: 'excel', label: 'Excel 工作簿' },
  '.csv': { kind: 'csv', label: 'CSV 文件' },
  '.pdf': { kind: 'pdf', label: 'PDF 文件' },
  '.lrmx': { kind: 'lrmx', label: '任免审批表文件' },
  '.zip': { kind: 'zip', label: 'ZIP 压缩包' },
  // decrypted copies of 附件
  '.jpg': { kind: 'image', label: 'JPEG 图片' },
  '.jpeg': { kind: 'image', label: 'JPEG 图片' },
  '.png': { kind: 'image', label: 'PNG 图片' },
  '.tif': { kind: 'image', label: 'TIFF 图片' },
  '.tiff': { kind: 'image', label: 'TIFF 图片' },
};

function dialogsOf(app: AppState): FileDialogs {
  if (!app.platform.dialogs) throw new AppError('INVALID', '浏览器模式下没有系统文件对话框：请直接填写路径，导出的文件由浏览器下载');
  return app.platform.dialogs;
}

/** The dialog's answer with the extension the file must have (Linux dialogs do not add it). */
function withExtension(path: string, ext: string): string {
  return extname(path).toLowerCase() === ext ? path : `${path}${ext}`;
}

function saveFailure(e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why =
    code === 'ENOSPC' ? '磁盘空间不足'
    : code === 'EACCES' || code === 'EPERM' ? '没有写入该文件夹的权限（或同名文件正被其他程序打开）'
    : code === 'EROFS' ? '所在磁盘为只读'
    : code === 'ENOENT' ? '找不到所选文件夹（U 盘或网络盘是否已断开？）'
    : code === 'EBUSY' ? '同名文件正被其他程序打开'
    : '写入出错';
  return new AppError('IO', `文件未能保存：${why}。`);
}

export const filesHandlers: HandlersFor<typeof filesContract> = {
  'dialog.chooseVault': async ({ purpose }, app) => {
    const dialogs = dialogsOf(app);
    if (app.session) throw new AppError('CONFLICT', '请先锁定当前档案库，再选择其他档案库');
    const folder = app.platform.memory.folder('vault') ?? dirname(app.vaultPath);
    let chosen: string | null;
    if (purpose === 'create') {
      const answer = await dialogs.chooseFileToSave({ title: '新建档案库：选择保存位置', defaultPath: join(folder, basename(app.vaultPath)), filters: VAULT_FILTER, buttonLabel: '保存在这里' });
      chosen = answer && (await checkNewVaultTarget(withExtension(answer, '.cdv')));
    } else {
      const answer = await dialogs.chooseFileToOpen({ title: '打开档案库', defaultPath: folder, filters: VAULT_FILTER, buttonLabel: '打开' });
      chosen = answer && (await checkVaultFile(answer));
    }
    if (!chosen) return { chosen: false, status: status(app) };
    app.vaultPath = chosen;
    app.chosenBackupFile = null; // picked for the vault that was shown before; not to be restored over this one
    app.platform.memory.rememberFolder('vault', dirname(chosen));
    return { chosen: true, status: status(app) };
  },

  'dialog.chooseBackupFile': async (_i, app) => {
    const dialogs = dialogsOf(app);
    const answer = await dialogs.chooseFileToOpen({
      title: '选择要恢复的备份文件',
      defaultPath: app.platform.memory.folder('backup') ?? backupDir(app.vaultPath),
      filters: VAULT_FILTER,
      buttonLabel: '选择',
    });
    if (!answer) return { chosen: app.chosenBackupFile };
    app.chosenBackupFile = await checkVaultFile(answer);
    app.platform.memory.rememberFolder('backup', dirname(answer));
    return { chosen: answer };
  },

  'file.save': async ({ fileName, base64 }, app) => {
    const dialogs = dialogsOf(app);
    // Only a name is taken from the page, and only its last part: the folder is the user's choice.
    const name = basename(fileName.replace(/\\/g, '/'));
    const ext = extname(name).toLowerCase();
    const type = SAVE_KINDS[ext];
    if (!type) throw new AppError('INVALID', `不能保存这种文件：${name}`);
    const folder = app.platform.memory.folder(type.kind) ?? homedir();
    const answer = await dialogs.chooseFileToSave({ title: '保存文件', defaultPath: join(folder, name), filters: [{ name: type.label, extensions: [ext.slice(1)] }], buttonLabel: '保存' });
    if (!answer) return { saved: false };
    const target = withExtension(answer, ext);
    try {
      writeFileAtomic(target, Buffer.from(base64, 'base64'));
    } catch (e) {
      throw saveFailure(e);
    }
    app.platform.memory.rememberFolder(type.kind, dirname(target));
    return { saved: true, path: target };
  },
};
