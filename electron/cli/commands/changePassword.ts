import { openWritable, operatorArg, readNewPassword, vaultPathArg } from '../common.js';
import { readPassword, report } from '../io.js';
import type { Command } from './index.js';

export const changePasswordCommand: Command = {
  usage: '<档案库文件>   原密码取自 CADRE_DESK_PASSWORD，新密码取自 CADRE_DESK_NEW_PASSWORD（或终端输入）',
  async run(args) {
    const path = vaultPathArg(args);
    const oldPassword = await readPassword('原密码：');
    const session = await openWritable(path, oldPassword, operatorArg(args));
    try {
      const newPassword = await readNewPassword('CADRE_DESK_NEW_PASSWORD', '新密码：');
      await session.vault.changePassword(oldPassword, newPassword);
      await session.mutate((_d, audit) => audit({ action: 'vault.changePassword', entity: 'vault', recordId: '', summary: '修改档案库密码（命令行）' }));
    } finally {
      session.vault.close();
    }
    report(args.json, { ok: true, oldBackupsKeepOldPassword: true }, '密码已修改。注意：此前的备份仍使用原密码打开。');
    return 0;
  },
};
