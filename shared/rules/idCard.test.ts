import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar } from './idCard.js';

/** A real-format number: 440606 + birth + sequence + computed check character. */
function makeId(birth8: string, seq3: string): string {
  const first17 = `440606${birth8}${seq3}`;
  return first17 + idCheckChar(first17);
}

describe('checkIdNumber', () => {
  it('accepts the published GB 11643 sample and derives birth and sex', () => {
    const r = checkIdNumber('11010519491231002X');
    expect(r).toEqual({ ok: true, id: '11010519491231002X', birth: '1949.12', birthDay: '1949.12.31', sex: '女' });
  });

  it('derives 男 from an odd sequence digit', () => {
    const r = checkIdNumber(makeId('19750312', '013'));
    expect(r.ok && r.sex).toBe('男');
    expect(r.ok && r.birth).toBe('1975.03');
  });

  it('refuses a wrong check character and says what it should be', () => {
    const good = makeId('19750312', '013');
    const wrongLast = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r = checkIdNumber(wrongLast);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe(`身份证号码校验位错误（末位应为 ${good[17]}），请核对是否抄错`);
  });

  it('refuses a single transposed digit (the checksum catches it)', () => {
    const good = makeId('19800521', '024');
    const swapped = good.slice(0, 14) + good[15] + good[14] + good.slice(16);
    if (swapped !== good) expect(checkIdNumber(swapped).ok).toBe(false);
  });

  it('accepts lowercase x and returns it as X', () => {
    const r = checkIdNumber('11010519491231002x');
    expect(r.ok && r.id).toBe('11010519491231002X');
  });

  it('ignores spaces and full-width spaces people paste in', () => {
    const r = checkIdNumber(' 110105 19491231\u3000002X ');
    expect(r.ok && r.id).toBe('11010519491231002X');
  });

  it('refuses 15-digit old numbers with a message telling what to do', () => {
    const r = checkIdNumber('440606750312013');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('15 位旧身份证号码');
    expect(!r.ok && r.message).toContain('18 位');
  });

  it('explains an Excel number (scientific notation) instead of a generic error', () => {
    const r = checkIdNumber('4.40606E+17');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('Excel');
    expect(!r.ok && r.message).toContain('文本');
  });

  it('refuses a birth date that does not exist (0230) or lies in the future', () => {
    const feb30 = checkIdNumber(makeId('19750230', '013'));
    expect(!feb30.ok && feb30.message).toBe('身份证号码中的出生日期 19750230 不存在');
    const future = checkIdNumber(makeId(`${new Date().getFullYear() + 1}0101`, '013'));
    expect(!future.ok && future.message).toContain('晚于今天');
  });

  it('refuses wrong length and letters other than a final X, quoting what was typed', () => {
    const short = checkIdNumber('44060619750312');
    expect(!short.ok && short.message).toContain('应为 18 位');
    expect(!short.ok && short.message).toContain('44060619750312');
    expect(checkIdNumber('44060619750312A013').ok).toBe(false);
    expect(checkIdNumber('').ok).toBe(false);
  });
});
