import { oldCopiesSummary } from '../../../shared/domain/oldCopies.js';
import { openWritable, operatorArg, readNewPassword, vaultPathArg } from '../common.js';
import { readPassword, report } from '../io.js';
import type { Command } from '../command.js';

export const changePasswordCommand: Command = {
  usage:
    '<档案库文件> [--delete-backups]   原密码取自 CADRE_DESK_PASSWORD，新密码取自 CADRE_DESK_NEW_PASSWORD（或终端输入）；' +
    '较早的备份一并改用新密码重新加密，加 --delete-backups 则改为删除它们',
  async run(args) {
    const path = vaultPathArg(args);
    const oldBackups = args.flags['delete-backups'] === true ? 'delete' : 'reencrypt';
    const oldPassword = await readPassword('原密码：');
    const session = await openWritable(path, oldPassword, operatorArg(args));
    let copies;
    try {
      const newPassword = await readNewPassword('CADRE_DESK_NEW_PASSWORD', '新密码：');
      copies = await session.vault.changePassword(oldPassword, newPassword, oldBackups);
      const what = oldCopiesSummary(copies).replace(/^密码已修改。/, '');
      await session.mutate((_d, audit) => audit({ action: 'vault.changePassword', entity: 'vault', recordId: '', summary: `修改档案库密码（命令行）；${what}` }));
    } finally {
      session.vault.close();
    }
    report(args.json, { ok: true, backups: copies.choice === 'delete' ? 'deleted' : 'reencrypted', count: copies.done, left: copies.left }, oldCopiesSummary(copies));
    return 0;
  },
};
