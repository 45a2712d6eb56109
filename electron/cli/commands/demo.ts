import { buildDemoDocument } from '../../demo/generate.js';
import { Session } from '../../store/session.js';
import { OpenVault } from '../../vault/vault.js';
import { ensureNewVaultPath, intFlag, operatorArg, readNewPassword, vaultPathArg } from '../common.js';
import { report } from '../io.js';
import type { Command } from '../command.js';

export const demoCommand: Command = {
  usage: '<档案库文件> [--count 2000] [--seed n]   新建示例档案库（虚构人员，标记“示例”）',
  async run(args) {
    const path = vaultPathArg(args);
    ensureNewVaultPath(path);
    const count = intFlag(args, 'count', 2000, 0, 200_000);
    const seed = intFlag(args, 'seed', 20231, 0, 2 ** 31 - 1);
    const password = await readNewPassword('CADRE_DESK_PASSWORD');
    const doc = buildDemoDocument({ cadres: count, seed, now: new Date().toISOString() });
    const session = new Session(await OpenVault.create(path, password, doc), operatorArg(args));
    try {
      await session.mutate((_d, audit) => audit({ action: 'vault.create', entity: 'vault', recordId: '', summary: `创建示例档案库（${count} 名示例干部）` }));
    } finally {
      session.vault.close();
    }
    report(args.json, { ok: true, path, demo: true, cadres: doc.cadres.length, villages: doc.villages.length }, `已创建示例档案库：${path}\n示例干部 ${doc.cadres.length} 名，村（社区）${doc.villages.length} 个（均为虚构数据）`);
    return 0;
  },
};
