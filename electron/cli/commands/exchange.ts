/**
 * 数据交换 from the command line (issue 16): this office's key, trusting another office, writing a
 * package, importing one (preview with --dry-run), and reading a receipt. Same modules as 设置 → 数据交换.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../../../shared/contract/define.js';
import { DISTRICT_CODE, officeName, previewSummary } from '../../../shared/domain/exchange.js';
import { townCodeFrom } from '../../../shared/domain/towns.js';
import { exportPackage } from '../../exchange/exportPackage.js';
import { identityOf, ownPublicKeyFile, setOffice, trustOffice } from '../../exchange/identity.js';
import { readPublicKeyFile } from '../../exchange/keys.js';
import { commitPackage, planPackage } from '../../exchange/landing.js';
import { applyReceipt } from '../../exchange/receipts.js';
import { writeFileAtomic } from '../../vault/atomicWrite.js';
import { readVault } from '../../vault/vault.js';
import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { openWritable, operatorArg, vaultPathArg } from '../common.js';
import { readPassword, report } from '../io.js';

function readInput(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new AppError('IO', `无法读取${what} ${path}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function fileArg(args: ParsedArgs, i: number, example: string): string {
  const p = args.positional[i];
  if (!p) throw new AppError('INVALID', `请指定${example}`);
  return resolve(p);
}

function newOutFile(path: string): string {
  if (existsSync(path)) throw new AppError('CONFLICT', `文件已存在，为免覆盖请换一个文件名：${path}`);
  return path;
}

/** An office given as its code, a 镇街 name (大良 / 大良街道) or 区 / 区委组织部. */
export function officeArg(text: string | true | undefined, flag: string): string {
  if (typeof text !== 'string' || !text.trim()) throw new AppError('INVALID', `请用 --${flag} 指定单位（区委组织部为 ${DISTRICT_CODE}，镇街用代码或名称，如 大良）`);
  const t = text.trim();
  if (t === DISTRICT_CODE || t === '区' || t === '区委组织部' || t === '顺德区') return DISTRICT_CODE;
  const town = townCodeFrom(t);
  if (!town) throw new AppError('INVALID', `--${flag} ${t}：不是顺德区或其镇街（区委组织部为 ${DISTRICT_CODE}，镇街如 大良、容桂或其代码）`);
  return town;
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const a = await new Promise<string>((done) => rl.question(question, done));
  rl.close();
  return a.trim();
}

export const exchangeKeyCommand: Command = {
  usage: '<档案库> [--office 代码] [--out 文件.pub] [--json]   本单位的数据交换公钥和指纹（首次用 --office 设定本单位）',
  async run(args) {
    const path = vaultPathArg(args);
    const password = await readPassword();
    const out = typeof args.flags.out === 'string' ? newOutFile(resolve(args.flags.out)) : null;
    let doc;
    if (args.flags.office !== undefined) {
      const session = await openWritable(path, password, operatorArg(args));
      try {
        await setOffice(session, officeArg(args.flags.office, 'office'));
        doc = session.doc;
      } finally {
        session.vault.close();
      }
    } else doc = (await readVault(path, password)).doc;
    const key = ownPublicKeyFile(doc);
    const id = identityOf(doc);
    if (out) writeFileAtomic(out, Buffer.from(key.text, 'utf8'));
    report(
      args.json,
      { office: id.office, name: id.officeName, fingerprint: key.fingerprint, out, publicKey: key.text },
      `本单位：${id.officeName}（${id.office}）\n指纹：${key.fingerprint}${out ? `\n公钥已写入 ${out}，可交给对方；对方添加时请电话核对上面的指纹` : ''}`,
    );
    return 0;
  },
};

export const exchangeTrustCommand: Command = {
  usage: '<档案库> <对方.pub> [--fingerprint 指纹] [--json]   核对指纹后把对方单位加为受信任单位',
  async run(args) {
    const path = vaultPathArg(args);
    const keyFile = fileArg(args, 1, '对方的公钥文件（.pub）');
    const text = readInput(keyFile, '公钥文件').toString('utf8');
    const k = readPublicKeyFile(text);
    let confirmed = typeof args.flags.fingerprint === 'string' ? args.flags.fingerprint : '';
    if (!confirmed) {
      if (!process.stdin.isTTY || args.json) {
        throw new AppError('INVALID', `${officeName(k.office)}的公钥指纹是 ${k.fingerprint}。请与对方电话核对后，用 --fingerprint "${k.fingerprint}" 再运行`);
      }
      const a = await ask(`${officeName(k.office)}（${k.office}）的公钥指纹：\n  ${k.fingerprint}\n请与对方电话核对，一致吗？(y/N) `);
      if (!/^y(es)?$/i.test(a)) throw new AppError('INVALID', '未确认指纹，未添加');
      confirmed = k.fingerprint;
    }
    const session = await openWritable(path, await readPassword(), operatorArg(args));
    try {
      await trustOffice(session, text, confirmed);
    } finally {
      session.vault.close();
    }
    report(args.json, { office: k.office, name: officeName(k.office), fingerprint: k.fingerprint }, `已添加受信任单位：${officeName(k.office)}（指纹 ${k.fingerprint}）`);
    return 0;
  },
};

export const exchangeExportCommand: Command = {
  usage: '<档案库> <输出.cdx> --to 单位代码 [--full] [--json]   导出加密、签名的数据交换包（默认为上次回执以来的增量）',
  async run(args) {
    const path = vaultPathArg(args);
    const out = newOutFile(fileArg(args, 1, '输出的数据包文件，例如 大良至区.cdx'));
    const to = officeArg(args.flags.to, 'to');
    const session = await openWritable(path, await readPassword(), operatorArg(args));
    try {
      const r = await exportPackage(session, to, { full: args.flags.full === true });
      writeFileAtomic(out, r.bytes);
      const { bytes: _b, fileName: _f, ...rest } = r;
      const n = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
      report(
        args.json,
        { ...rest, out, bytes: r.bytes.length },
        `已导出发给${officeName(to)}的${r.full ? '完整' : `增量（基于第 ${r.base} 号）`}数据包第 ${r.sequence} 号：${out}\n新增或修改 ${n(r.records)} 条，删除 ${n(r.tombstones)} 条${r.withoutVillage ? `；${r.withoutVillage} 名干部未填所属村（社区），未放入` : ''}`,
      );
    } finally {
      session.vault.close();
    }
    return 0;
  },
};

export const exchangeImportCommand: Command = {
  usage: '<档案库> <数据包.cdx> [--dry-run] [--accept-conflicts] [--receipt 回执.cdr] [--json]   核验并导入数据交换包，生成回执',
  async run(args) {
    const path = vaultPathArg(args);
    const file = fileArg(args, 1, '数据包文件（.cdx）');
    const bytes = readInput(file, '数据包');
    const password = await readPassword();
    if (args.flags['dry-run'] === true) {
      const { doc } = await readVault(path, password);
      const plan = planPackage(doc, bytes);
      const s = previewSummary(plan.preview);
      report(args.json, s, previewText(s, plan.preview.unchanged) + '\n（预览，未导入）');
      return 0;
    }
    const session = await openWritable(path, password, operatorArg(args));
    try {
      const plan = planPackage(session.doc, bytes);
      const s = previewSummary(plan.preview);
      const r = await commitPackage(session, bytes, basename(file), args.flags['accept-conflicts'] === true ? 'all' : 'nonConflicting');
      const receiptPath = newOutFile(typeof args.flags.receipt === 'string' ? resolve(args.flags.receipt) : join(dirname(file), r.receipt.fileName));
      writeFileAtomic(receiptPath, Buffer.from(r.receipt.base64, 'base64'));
      report(
        args.json,
        { ...s, batchId: r.batchId, accepted: { created: r.created, changed: r.changed, deleted: r.deleted }, declined: r.declined, receipt: receiptPath },
        `${previewText(s, plan.preview.unchanged)}\n已导入：新增 ${r.created} 条，修改 ${r.changed} 条，删除 ${r.deleted} 条${r.declined ? `；有冲突未接受 ${r.declined} 条（加 --accept-conflicts 以对方为准）` : ''}\n回执：${receiptPath}（请交回${officeName(s.from)}）`,
      );
    } finally {
      session.vault.close();
    }
    return 0;
  },
};

function previewText(s: ReturnType<typeof previewSummary>, unchanged: number): string {
  const words = (m: Record<string, number>) => Object.entries(m).map(([k, n]) => `${k} ${n}`).join('，') || '无';
  return [
    `来自${officeName(s.from)}的${s.full ? '完整' : `增量（基于第 ${s.base} 号）`}数据包第 ${s.sequence} 号`,
    `新增：${words(s.created)}`,
    `修改：${words(s.changed)}`,
    `删除：${words(s.deleted)}`,
    `相同：${unchanged} 条`,
    `冲突：${s.conflicts.length ? s.conflicts.map((c) => `${c.label}（${c.fields.join('、')}）`).join('；') : '无'}`,
  ].join('\n');
}

export const exchangeReceiptCommand: Command = {
  usage: '<档案库> <回执.cdr> [--json]   读入对方导入后交回的回执，下次即可发送增量数据包',
  async run(args) {
    const path = vaultPathArg(args);
    const bytes = readInput(fileArg(args, 1, '回执文件（.cdr）'), '回执');
    const session = await openWritable(path, await readPassword(), operatorArg(args));
    try {
      const r = await applyReceipt(session, bytes);
      report(args.json, r, `${officeName(r.from)}已确认导入第 ${r.sequence} 号数据包${r.declined ? `（未接受 ${r.declined} 条，下次再发）` : ''}`);
    } finally {
      session.vault.close();
    }
    return 0;
  },
};
