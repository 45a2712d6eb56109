import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../../shared/contract/define.js';
import { commitPhotos, previewPhotos } from '../../photos/bulkPhotos.js';
import { MAX_PHOTO_BYTES } from '../../photos/photoInput.js';
import { processInWorkers } from '../../handlers/photos.js';
import { readVault } from '../../vault/vault.js';
import { openWritable, operatorArg, vaultPathArg } from '../common.js';
import { readPassword, report } from '../io.js';
import type { Command } from '../command.js';

/** The folder's files (not its subfolders), or the one zip. A file far too large is passed as its size only. */
function readInput(path: string): Array<{ fileName: string; bytes: Uint8Array }> {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new AppError('NOT_FOUND', `找不到文件或文件夹：${path}`);
  }
  const one = (file: string) => {
    const size = statSync(file).size;
    // Not read into memory: checkPhotoFile refuses it by size with its own message.
    if (size > MAX_PHOTO_BYTES * 8) return { fileName: basename(file), bytes: new Uint8Array(0), size };
    return { fileName: basename(file), bytes: readFileSync(file) };
  };
  if (!st.isDirectory()) return [one(path)];
  return readdirSync(path, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => one(join(path, e.name)));
}

export const importPhotosCommand: Command = {
  usage: '<档案库文件> <文件夹|压缩包> [--dry-run]   批量导入照片：文件名为身份证号、姓名或“姓名_身份证号”；只保存唯一对应的，同名多人和对应不上的列出不存',
  async run(args) {
    const path = vaultPathArg(args);
    const from = args.positional[1];
    if (!from) throw new AppError('INVALID', '用法：import-photos <档案库文件> <文件夹|压缩包> [--dry-run]');
    const input = readInput(resolve(from));
    const password = await readPassword();
    const dryRun = args.flags['dry-run'] === true;
    const session = dryRun ? null : await openWritable(path, password, operatorArg(args));
    try {
      const cadres = session ? session.doc.cadres : (await readVault(path, password)).doc.cadres;
      const { preview, pending } = previewPhotos(input, cadres, basename(resolve(from)));
      const matched = preview.items.filter((i) => i.status === 'matched');
      let saved = 0;
      if (session && matched.length) {
        saved = (await commitPhotos(session, pending, matched.map((i) => ({ key: i.key, cadreId: i.cadre!.id })), processInWorkers)).saved;
      }
      const ambiguous = preview.items.filter((i) => i.status === 'ambiguous').map((i) => ({ file: i.fileName, message: i.message, candidates: i.candidates }));
      const unmatched = preview.items.filter((i) => i.status === 'unmatched').map((i) => ({ file: i.fileName, message: i.message }));
      const refused = preview.items.filter((i) => i.status === 'refused').map((i) => ({ file: i.fileName, message: i.message }));
      const lines = [
        dryRun ? `预览（未保存）：可对应 ${matched.length} 张` : `已保存 ${saved} 张照片（可在“导入导出”中整批撤销）`,
        ...ambiguous.map((a) => `同名多人：${a.file}：${a.message}`),
        ...unmatched.map((u) => `未对应：${u.file}：${u.message}`),
        ...refused.map((r) => `已拒绝：${r.file}：${r.message}`),
      ];
      report(args.json, { matched: matched.length, saved, dryRun, ambiguous, unmatched, refused }, lines.join('\n'));
    } finally {
      session?.vault.close();
    }
    return 0;
  },
};
