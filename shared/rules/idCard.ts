/** GB 11643-1999 citizen ID numbers (18 digits, ISO 7064 MOD 11-2 check character). */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdCheck =
  | { ok: true; id: string; birth: string; birthDay: string; sex: '男' | '女' }
  | { ok: false; message: string };

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Validates and normalizes (lowercase x → X); derives birth "YYYY.MM" and sex. */
export function checkIdNumber(raw: string): IdCheck {
  const id = raw.replace(/[\s\u3000]/g, '').toUpperCase();
  if (!id) return { ok: false, message: '身份证号码不能为空' };
  if (/^\d{15}$/.test(id)) return { ok: false, message: '这是 15 位旧身份证号码，请改填 18 位公民身份号码' };
  if (/^\d+(\.\d+)?E\+\d+$/i.test(id)) {
    return { ok: false, message: '身份证号码被 Excel 存成了数字（科学计数法），末几位已丢失；请把该列设为“文本”格式后重新填写' };
  }
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: `身份证号码应为 18 位（17 位数字加 1 位数字或 X），实际为“${id.slice(0, 24)}”` };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: `身份证号码中的出生日期 ${id.slice(6, 14)} 不存在` };
  }
  if (date.getTime() > Date.now()) return { ok: false, message: `身份证号码中的出生日期 ${id.slice(6, 14)} 晚于今天，请核对` };
  const expected = idCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return { ok: false, message: `身份证号码校验位错误（末位应为 ${expected}），请核对是否抄错` };
  const sex = Number(id[16]) % 2 === 1 ? '男' : '女';
  return {
    ok: true,
    id,
    birth: `${id.slice(6, 10)}.${id.slice(10, 12)}`,
    birthDay: `${id.slice(6, 10)}.${id.slice(10, 12)}.${id.slice(12, 14)}`,
    sex,
  };
}
