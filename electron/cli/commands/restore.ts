import { listBackups } from '../../vault/backups.js';
import { restoreBackup } from '../../vault/vault.js';
import { openWritable, operatorArg, vaultPathArg } from '../common.js';
import { readPassword, report } from '../io.js';
import type { Command } from '../command.js';

export const restoreCommand: Command = {
  usage: '<档案库文件> [备份文件名]   不给文件名时列出备份；恢复前当前档案库另存为备份',
  async run(args) {
    const path = vaultPathArg(args);
    const file = args.positional[1];
    if (!file) {
      const list = listBackups(path);
      const text = list.length
        ? ['备份（最新在最后）：', ...list.map((b) => `  ${b.file}  ${new Date(b.at).toLocaleString('zh-CN')}  ${(b.bytes / 1024).toFixed(0)} KB`), '恢复：npm run cli -- restore <档案库文件> <备份文件名>'].join('\n')
        : '没有备份。';
      report(args.json, { backups: list }, text);
      return 0;
    }
    // The backup's own password: the one in force when it was made.
    const password = await readPassword('该备份的密码：');
    await restoreBackup(path, file, password);
    const session = await openWritable(path, password, operatorArg(args));
    try {
      await session.mutate((_d, audit) => audit({ action: 'vault.restore', entity: 'vault', recordId: '', summary: `从备份 ${file} 恢复（命令行）` }));
    } finally {
      session.vault.close();
    }
    report(args.json, { ok: true, restored: file }, `已从备份 ${file} 恢复。恢复前的档案库已另存为最新一份备份。`);
    return 0;
  },
};
