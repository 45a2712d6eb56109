/**
 * What a person's 姓名 may be: 汉字 (rare extension characters included), the 间隔号 “·” of
 * minority names (阿卜杜拉·艾尼), or Latin letters and spaces for a foreign name. Text that is
 * a formula (=HYPERLINK…), markup (<img …>) or carries control characters is not a name, even
 * though every output escapes it; refusing it at the door says so while the user can fix it.
 */

export type PersonNameCheck = { ok: true; name: string } | { ok: false; message: string };

export const PERSON_NAME_MAX = 40;

/**
 * Dots typed for the 间隔号 by different input methods and fonts: • (U+2022), ‧ (U+2027),
 * ・ and ･ (Japanese), ∙ ⋅ (maths), · (Greek ano teleia), ⸱ (word separator).
 */
const DOT_LOOKALIKES = /[\u2022\u2027\u30fb\uff65\u2219\u22c5\u0387\u2e31]/g;
const DOT = '\u00b7';

const HAN = /\p{Script=Han}/u;
/**
 * Private-use characters: before GB 18030-2022, 生僻字 in 户籍 and 身份证 systems were made
 * with 造字程序 in this range, and names copied from them still carry them.
 */
const PRIVATE_USE = /[\ue000-\uf8ff]/u;
const LATIN_LETTER = /^(?=\p{Script=Latin})\p{L}$/u;
/** An accent typed as its own character after a Latin letter (e + ́). */
const COMBINING_MARK = /^\p{M}$/u;

const isNameChar = (ch: string) => HAN.test(ch) || PRIVATE_USE.test(ch);

function describeChar(ch: string): string {
  if (/^\s$/u.test(ch)) return '空格';
  return `“${ch}”`;
}

/**
 * Checks one 姓名 and gives it back in its stored form: look-alike dots become “·”, spaces
 * around 汉字 and dots go (两字名 are padded to line up in printed lists: “王　伟”), and the
 * spaces of a foreign name shrink to one. `required` = false lets an empty name through
 * (a family member whose row leaves it blank).
 */
export function checkPersonName(raw: string, required = true): PersonNameCheck {
  const trimmed = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (trimmed === '') return required ? { ok: false, message: '姓名不能为空' } : { ok: true, name: '' };
  const first = trimmed[0];
  if ('=+-@'.includes(first)) return { ok: false, message: `姓名不能以“${first}”开头（像是 Excel 公式），请只填写姓名` };
  if (/[<>＜＞]/.test(trimmed)) return { ok: false, message: '姓名不能含有尖括号“<”“>”，请只填写姓名' };
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(trimmed.replace(/[\t\n\r]/g, ' '))) {
    return { ok: false, message: '姓名含有看不见的控制字符，请删除后重新输入' };
  }
  if (/[\t\n\r]/.test(trimmed)) return { ok: false, message: '姓名不能分成几行，请只填写一个人的姓名' };
  if (/\p{N}/u.test(trimmed.replace(/\u3007/g, ''))) return { ok: false, message: '姓名不能含有数字，请只填写姓名' };

  // Full-width Latin (Ｊｏｈｎ) from a Chinese IME is the same letters.
  const name = trimmed
    .replace(/[\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(DOT_LOOKALIKES, DOT)
    .replace(/[\s\u3000]+/g, ' ')
    // A space beside a 汉字 or a dot only lines the name up; between Latin words it is part of it.
    .replace(/ ?(·) ?/g, '$1')
    .replace(/(\S) (?=\S)/gu, (m, a: string, offset: number, whole: string) => {
      const b = [...whole.slice(offset + m.length)][0] ?? '';
      return isNameChar(a) || isNameChar(b) ? a : m;
    });

  const chars = [...name];
  let prev = '';
  for (const ch of chars) {
    if (isNameChar(ch) || LATIN_LETTER.test(ch) || ch === ' ') {
      prev = ch;
      continue;
    }
    if (ch === DOT) {
      if (prev === '' || prev === DOT) return { ok: false, message: '间隔号“·”应写在名字中间，如“阿卜杜拉·艾尼”' };
      prev = ch;
      continue;
    }
    if (COMBINING_MARK.test(ch) && LATIN_LETTER.test(prev)) continue;
    return { ok: false, message: `姓名不能含有${describeChar(ch)}；姓名只能由汉字、间隔号“·”，或外文字母和空格组成` };
  }
  if (prev === DOT) return { ok: false, message: '间隔号“·”应写在名字中间，如“阿卜杜拉·艾尼”' };
  if (chars.length > PERSON_NAME_MAX) return { ok: false, message: `姓名不能超过 ${PERSON_NAME_MAX} 个字` };
  return { ok: true, name };
}
