/**
 * Turns one typed cell into the value our schema wants, the way a careful clerk would:
 * "1975年3月" → "1975.03", 汉 → 汉族, 党员 → 中共党员, lowercase x in IDs. What cannot be
 * understood is an error (the row is refused); what is kept as typed is a warning.
 */
import { DEGREES, EDUCATION_LEVELS, ETHNICITIES, HEALTH_STATUSES, POLITICAL_STATUSES, VILLAGE_POSTS, normalizeCode } from '../../shared/domain/codes.js';
import { checkIdNumber } from '../../shared/rules/idCard.js';
import { parseYearMonth } from '../../shared/rules/dates.js';
import { checkPersonName } from '../../shared/rules/personName.js';
import type { FieldKind } from './fields.js';
import type { Cell } from './workbook.js';

export type CellResult =
  | { ok: true; value: string; warning?: string }
  | { ok: false; message: string };

/** Export escapes formula-looking text with a leading apostrophe; take it off again. */
export function unescapeText(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

function ym(cell: Cell): CellResult {
  if (typeof cell.v === 'number') {
    const n = cell.v;
    if (Number.isInteger(n) && n >= 1900 && n <= 2100) return { ok: false, message: `“${n}”只有年份，请写成 ${n}.03 的形式` };
    if (!Number.isInteger(n) && n >= 1900 && n <= 2100) {
      // 1975.10 typed into a number cell shows as 1975.1: Excel has dropped the 0.
      const r = parseYearMonth(cell.text || String(n));
      if (!r.ok) return { ok: false, message: `“${cell.text}”：${r.message}` };
      const warning = /^\d{4}\.1$/.test(cell.text || String(n))
        ? `“${cell.text || n}”是数字格式，已按 ${r.value} 理解；如果是 10 月，请把该列设为文本后写成 ${Math.trunc(n)}.10`
        : undefined;
      return { ok: true, value: r.value, warning };
    }
    if (Number.isInteger(n) && n >= 100000) return fromText(String(n));
    const r = parseYearMonth(n);
    return r.ok ? { ok: true, value: r.value } : { ok: false, message: `“${cell.text}”不是有效日期：${r.message}` };
  }
  return fromText(cell.text);
}

function fromText(text: string): CellResult {
  const r = parseYearMonth(text);
  if (r.ok) return { ok: true, value: r.value };
  return { ok: false, message: r.message.includes('“') ? r.message : `“${text}”不是有效年月：${r.message}` };
}

function id(cell: Cell): CellResult {
  if (typeof cell.v === 'number') {
    return {
      ok: false,
      message: `身份证号码被 Excel 存成了数字（显示为 ${cell.text}），末几位已丢失；请把该列设为“文本”格式，重新录入号码后再导入`,
    };
  }
  // NFKC: IDs typed with a Chinese IME come as full-width digits (４４０６…).
  const raw = cell.text.normalize('NFKC').replace(/^'/, '');
  const r = checkIdNumber(raw);
  return r.ok ? { ok: true, value: r.id } : { ok: false, message: r.message };
}

function coded(table: readonly string[], what: string, text: string): CellResult {
  const hit = normalizeCode(table, text);
  if (hit) return { ok: true, value: hit };
  return { ok: true, value: text, warning: `${what}“${text}”不在标准代码中，已按原文导入` };
}

export function readCell(kind: FieldKind, cell: Cell): CellResult {
  const text = unescapeText(cell.text);
  switch (kind) {
    case 'name': {
      // A blank cell is the schema's "姓名不能为空"; padding spaces and look-alike dots are tidied here.
      const r = checkPersonName(text, false);
      return r.ok ? { ok: true, value: r.name } : { ok: false, message: r.message };
    }
    case 'sex': {
      const s = text.replace(/[\s\u3000]/g, '');
      if (/^(男|男性|m|male)$/i.test(s)) return { ok: true, value: '男' };
      if (/^(女|女性|f|female)$/i.test(s)) return { ok: true, value: '女' };
      return { ok: false, message: `性别“${s}”应为 男 或 女` };
    }
    case 'ym':
      return ym(cell);
    case 'id':
      return id(cell);
    case 'ethnicity':
      return coded(ETHNICITIES, '民族', text.replace(/[\s\u3000]/g, ''));
    case 'political':
      return coded(POLITICAL_STATUSES, '政治面貌', text.replace(/[\s\u3000]/g, ''));
    case 'education':
      return coded(EDUCATION_LEVELS, '学历', text.replace(/[\s\u3000]/g, ''));
    case 'degree':
      return coded(DEGREES, '学位', text.replace(/[\s\u3000]/g, ''));
    case 'health':
      return { ok: true, value: normalizeCode(HEALTH_STATUSES, text) ?? text };
    case 'post': {
      const hit = normalizeCode(VILLAGE_POSTS, text);
      return hit ? { ok: true, value: hit } : { ok: true, value: text, warning: `职务“${text}”不在村（社区）职务表中，已写入“现任职务”` };
    }
    case 'phone': {
      // Two numbers are often given as "13800138000/0757-22223333" or with 、.
      const v = text.normalize('NFKC').replace(/[、/，,；;]+/g, ' ').replace(/\s+/g, ' ').trim();
      if (/^[\d\-+ ]*$/.test(v) && v.length <= 40) return { ok: true, value: v };
      return { ok: true, value: '', warning: `联系电话“${text}”含有数字以外的内容，未导入该项，请导入后在档案中补填` };
    }
    default:
      return { ok: true, value: text };
  }
}

/** Posts as the schema accepts them; anything else goes to 现任职务. */
export function isVillagePost(s: string): boolean {
  return (VILLAGE_POSTS as readonly string[]).includes(s);
}
