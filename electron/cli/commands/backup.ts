import { intFlag, openWritable, operatorArg, vaultPathArg } from '../common.js';
import { readPassword, report } from '../io.js';
import type { Command } from '../command.js';

export const backupCommand: Command = {
  usage: '<档案库文件> [--keep n]   校验后做一份备份，只保留最近 n 份（默认按设置，10 份）',
  async run(args) {
    const path = vaultPathArg(args);
    const session = await openWritable(path, await readPassword(), operatorArg(args));
    try {
      const keep = intFlag(args, 'keep', session.doc.settings.backupsToKeep, 1, 100);
      const info = session.vault.backup(keep);
      const all = session.vault.backups();
      report(args.json, { ok: true, backup: info, kept: all.length }, `已备份：${info.file}（共保留 ${all.length} 份）`);
    } finally {
      session.vault.close();
    }
    return 0;
  },
};
