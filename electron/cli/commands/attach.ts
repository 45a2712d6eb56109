import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { AppError } from '../../../shared/contract/define.js';
import { ATTACHMENT_CATEGORIES, attachmentMetaSchema, mbText } from '../../../shared/domain/attachment.js';
import { addAttachment } from '../../attachments/catalogue.js';
import { validate } from '../../handlers/records.js';
import { openWritable, operatorArg, vaultPathArg } from '../common.js';
import { readPassword, report } from '../io.js';
import type { Command } from '../command.js';

const strFlag = (v: string | true | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

export const attachCommand: Command = {
  usage: `<档案库文件> <身份证号> <文件> [--category 类别] [--title 材料名称] [--formed-on 2023.04.10]   为一名干部添加附件（PDF/JPEG/PNG/TIFF），类别默认“其他”（${ATTACHMENT_CATEGORIES.join('、')}，也可自拟）`,
  async run(args) {
    const path = vaultPathArg(args);
    const [, idNumber, fileArg] = args.positional;
    if (!idNumber || !fileArg) throw new AppError('INVALID', '用法：attach <档案库文件> <身份证号> <文件> [--category 类别]');
    const file = resolve(fileArg);
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new AppError('NOT_FOUND', `找不到文件：${file}`);
    }
    const meta = validate(
      attachmentMetaSchema,
      { category: strFlag(args.flags.category) ?? '其他', title: strFlag(args.flags.title) ?? basename(file, extname(file)), formedOn: strFlag(args.flags['formed-on']) },
      '附件',
    );
    const session = await openWritable(path, await readPassword(), operatorArg(args));
    try {
      const wanted = idNumber.trim().toUpperCase();
      const matches = session.doc.cadres.filter((c) => !c.deletedAt && c.idNumber.toUpperCase() === wanted);
      if (!matches.length) throw new AppError('NOT_FOUND', `档案中没有身份证号为 ${wanted} 的干部`);
      // Checked before reading: a 2 GB file named by mistake is refused without loading it.
      if (size > session.doc.settings.attachmentMaxFileMB * 1024 * 1024) {
        throw new AppError('INVALID', `“${basename(file)}”有 ${mbText(size)}，超过单个附件上限 ${session.doc.settings.attachmentMaxFileMB} MB`);
      }
      const entry = await addAttachment(session, { cadreId: matches[0].id, fileName: basename(file), bytes: readFileSync(file), meta });
      report(
        args.json,
        { ok: true, id: entry.id, cadreId: entry.cadreId, category: entry.category, title: entry.title, pages: entry.pages, size: entry.size, sha256: entry.sha256 },
        `已为 ${matches[0].name} 添加附件“${entry.title}”（${entry.category}，${entry.pages} 页，${mbText(entry.size)}）`,
      );
    } finally {
      session.vault.close();
    }
    return 0;
  },
};
