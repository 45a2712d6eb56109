/**
 * `npm run cli -- print-rmb <vault> <out.pdf|out.docx> [--who=姓名或身份证号,…] [--ref-date=2026.11] [--font=宋体|仿宋_GB2312] [--json]`:
 * 干部任免审批表 of the named cadres (all live files when --who is left out) as one PDF,
 * through headless Chromium — for printing a whole 镇街 without opening the app — or, when the
 * output name ends in .docx, as one Word document to finish in Word or WPS.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/contract/define.js';
import { parseDay, parseYearMonth, today } from '../../../shared/rules/dates.js';
import { closePdfBrowser, countPdfPages, htmlToPdf } from '../../print/pdf.js';
import { rmbHtml } from '../../print/rmbForm.js';
import { DOCX_FONTS, type DocxFont } from '../../../shared/contract/docx.js';
import { rmbDocx } from '../../docx/rmbDocx.js';
import { OpenVault } from '../../vault/vault.js';
import type { ParsedArgs } from '../args.js';
import { readPassword, report } from '../io.js';
import type { Command } from '../command.js';

const usage = '<档案库> <输出.pdf|输出.docx> [--who=姓名或身份证号,…] [--ref-date=2026.11] [--font=宋体|仿宋_GB2312] [--json]  打印干部任免审批表（PDF，或 .docx 结尾时为 Word 文档）';
const MAX = 500;

function refDateOf(raw: string | true | undefined): string {
  if (typeof raw !== 'string') return today();
  const day = parseDay(raw);
  if (day.ok) return day.value;
  const ym = parseYearMonth(raw, '计算年龄时间');
  if (!ym.ok) throw new AppError('INVALID', ym.message);
  return ym.value;
}

async function run(args: ParsedArgs): Promise<number> {
  const [vaultPath, out] = args.positional;
  if (!vaultPath || !out) {
    console.error(`用法：npm run cli -- print-rmb ${usage}`);
    return 2;
  }
  const refDate = refDateOf(args.flags['ref-date']);
  const word = /\.docx$/i.test(out);
  const font = args.flags.font ?? '宋体';
  if (typeof font !== 'string' || !(DOCX_FONTS as readonly string[]).includes(font)) throw new AppError('INVALID', `--font 应为 ${DOCX_FONTS.join('、')} 之一`);
  const vault = await OpenVault.open(resolve(vaultPath), await readPassword());
  try {
    const live = vault.doc.cadres.filter((c) => !c.deletedAt);
    const who = typeof args.flags.who === 'string' ? args.flags.who.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : [];
    const cadres = who.length
      ? who.flatMap((w) => {
          const hits = live.filter((c) => c.name === w || c.idNumber === w.toUpperCase());
          if (hits.length === 0) throw new AppError('NOT_FOUND', `找不到“${w}”的干部档案`);
          if (hits.length > 1) throw new AppError('CONFLICT', `有 ${hits.length} 人名为“${w}”，请改用身份证号码`);
          return hits;
        })
      : live;
    if (cadres.length === 0) throw new AppError('NOT_FOUND', '档案库中没有可打印的干部档案');
    if (cadres.length > MAX) throw new AppError('INVALID', `一次最多打印 ${MAX} 份审批表（现有 ${cadres.length} 人），请用 --who 分批`);
    if (word) {
      const d = await rmbDocx(cadres, { refDate, familyColumn: vault.doc.settings.familyColumn, font: font as DocxFont });
      writeFileSync(resolve(out), d.bytes);
      const lines = [`已生成 Word 文档 ${resolve(out)}：${cadres.length} 人（年龄计至 ${refDate}，${font}）`, ...d.warnings.filter((w) => w.level === 'warning').map((w) => `  注意：${w.message}`)];
      report(args.json, { file: resolve(out), cadres: cadres.length, refDate, font, warnings: d.warnings }, lines.join('\n'));
      return 0;
    }
    const r = rmbHtml(cadres, { refDate, familyColumn: vault.doc.settings.familyColumn });
    const pdf = await htmlToPdf(r.html);
    writeFileSync(resolve(out), pdf);
    const pages = countPdfPages(pdf);
    const lines = [`已生成 ${resolve(out)}：${cadres.length} 人，${pages} 页（年龄计至 ${refDate}）`, ...r.warnings.filter((w) => w.level === 'warning').map((w) => `  注意：${w.message}`)];
    report(args.json, { file: resolve(out), cadres: cadres.length, pages, refDate, warnings: r.warnings }, lines.join('\n'));
    return 0;
  } finally {
    vault.close();
    await closePdfBrowser();
  }
}

export const printRmbCommand: Command = { usage, run };
