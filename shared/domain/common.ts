import '../zodLocale.js';
import { z } from 'zod';
import { checkPersonName } from '../rules/personName.js';

/** Officials' year-month "1975.03". */
export const yearMonthSchema = z.string().regex(/^\d{4}\.(0[1-9]|1[0-2])$/, '日期应写成 1975.03 的形式');
/** Officials' day "2023.04.10". */
export const daySchema = z.string().regex(/^\d{4}\.(0[1-9]|1[0-2])\.(0[1-9]|[12]\d|3[01])$/, '日期应写成 2023.04.10 的形式');
/** Either form, as accepted for 任职 dates and activity records. */
export const looseDateSchema = z.union([daySchema, yearMonthSchema]);

export const idSchema = z.string().min(1).max(64);

/** Free text with a sane upper bound so a hostile import cannot balloon the vault. */
export const text = (max = 2000) => z.string().max(max, `不能超过 ${max} 个字`);

/**
 * A person's 姓名 (cadre, family member, relative) in its stored form: see checkPersonName.
 * Only input is checked; documents already in a vault are not re-validated on opening, so a
 * name stored before this rule still opens and shows, and is corrected when the record is edited.
 */
export const personNameSchema = (required = true) =>
  z.string({ message: '姓名应为文字' }).transform((v, ctx) => {
    const r = checkPersonName(v, required);
    if (r.ok) return r.name;
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  });
