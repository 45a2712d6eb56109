import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/contract/define.js';
import { writeFileAtomic } from '../../vault/atomicWrite.js';
import { readVault } from '../../vault/vault.js';
import { vaultPathArg } from '../common.js';
import { readPassword, report } from '../io.js';
import type { Command } from '../command.js';

export const exportJsonCommand: Command = {
  usage: '<档案库文件> [--out 文件]   导出整份数据为未加密的 JSON（不给 --out 时输出到屏幕）',
  async run(args) {
    const path = vaultPathArg(args);
    const out = typeof args.flags.out === 'string' ? resolve(args.flags.out) : null;
    if (out === path) throw new AppError('INVALID', '导出文件不能是档案库文件本身');
    if (out && existsSync(out)) throw new AppError('CONFLICT', `导出文件已存在，为免覆盖请换一个文件名：${out}`);
    const { doc } = await readVault(path, await readPassword());
    // Never in this unencrypted dump: the attachment root key (it would unlock every scan in
    // `<vault>.files/` without the password) and the 数据交换 private keys.
    const keys = doc.exchange?.keys;
    const shown = keys ? { ...doc, exchange: { ...doc.exchange, keys: { ...keys, signPrivate: '（不导出）', boxPrivate: '（不导出）' } } } : doc;
    const text = JSON.stringify({ ...shown, attachmentKey: undefined }, null, 2);
    if (!out) {
      process.stdout.write(text + '\n');
      return 0;
    }
    writeFileAtomic(out, Buffer.from(text, 'utf8'));
    console.error('注意：导出的文件未加密，含个人信息，请妥善保管，用完删除。');
    report(args.json, { ok: true, out, bytes: Buffer.byteLength(text), cadres: doc.cadres.length }, `已导出到 ${out}（干部 ${doc.cadres.length} 名）`);
    return 0;
  },
};
