import { emptyDocument } from '../../../shared/domain/document.js';
import { Session } from '../../store/session.js';
import { OpenVault } from '../../vault/vault.js';
import { ensureNewVaultPath, operatorArg, readNewPassword, vaultPathArg } from '../common.js';
import { report } from '../io.js';
import type { Command } from '../command.js';

export const initCommand: Command = {
  usage: '<档案库文件> [--operator 姓名]   新建空的加密档案库（密码取自 CADRE_DESK_PASSWORD 或终端输入两次）',
  async run(args) {
    const path = vaultPathArg(args);
    ensureNewVaultPath(path);
    const password = await readNewPassword('CADRE_DESK_PASSWORD');
    const session = new Session(await OpenVault.create(path, password, emptyDocument()), operatorArg(args));
    try {
      await session.mutate((_d, audit) => audit({ action: 'vault.create', entity: 'vault', recordId: '', summary: '创建档案库（命令行）' }));
    } finally {
      session.vault.close();
    }
    report(args.json, { ok: true, path }, `已创建档案库：${path}`);
    return 0;
  },
};
