import { describe, expect, it } from 'vitest';
import { checkPersonName } from './personName.js';

const FORMAT = '姓名只能由汉字、间隔号“·”，或外文字母和空格组成';

describe('checkPersonName: what is a name', () => {
  it.each([
    ['陈志强', '陈志强'],
    ['王　伟', '王伟'], // padded to line up in printed lists
    [' 李  丽 ', '李丽'],
    ['𠈌子龙', '𠈌子龙'], // CJK Extension B
    ['㐨颖', '㐨颖'], // Extension A
    ['林〇', '林〇'],
    ['\ue4c6明', '\ue4c6明'], // 造字 in the private-use area
    ['阿卜杜拉·艾尼', '阿卜杜拉·艾尼'],
    ['阿卜杜拉•艾尼', '阿卜杜拉·艾尼'],
    ['阿卜杜拉‧艾尼', '阿卜杜拉·艾尼'],
    ['阿卜杜拉・艾尼', '阿卜杜拉·艾尼'],
    ['阿卜杜拉 · 艾尼', '阿卜杜拉·艾尼'],
    ['买买提·吐尔逊·阿不都', '买买提·吐尔逊·阿不都'],
    ['John Smith', 'John Smith'],
    ['John   Smith', 'John Smith'],
    ['Ｊｏｈｎ Ｓｍｉｔｈ', 'John Smith'],
    ['José Martínez', 'José Martínez'],
    ['Jose\u0301', 'Jose\u0301'],
    ['李 Mary', '李Mary'],
  ])('accepts %j as %j', (raw, stored) => {
    expect(checkPersonName(raw)).toEqual({ ok: true, name: stored });
  });

  it.each([
    ['', '姓名不能为空'],
    ['  \u3000', '姓名不能为空'],
    ['=HYPERLINK("http://x","点我")', '姓名不能以“=”开头（像是 Excel 公式），请只填写姓名'],
    ['+陈强', '姓名不能以“+”开头（像是 Excel 公式），请只填写姓名'],
    ['-陈强', '姓名不能以“-”开头（像是 Excel 公式），请只填写姓名'],
    ['@SUM(1+1)', '姓名不能以“@”开头（像是 Excel 公式），请只填写姓名'],
    ['<img src=x onerror=alert(1)>', '姓名不能含有尖括号“<”“>”，请只填写姓名'],
    ['陈<b>强', '姓名不能含有尖括号“<”“>”，请只填写姓名'],
    ['陈\u0000强', '姓名含有看不见的控制字符，请删除后重新输入'],
    ['陈\u202e强', '姓名含有看不见的控制字符，请删除后重新输入'],
    ['陈\u200b强', '姓名含有看不见的控制字符，请删除后重新输入'],
    ['陈\n强', '姓名不能分成几行，请只填写一个人的姓名'],
    ['陈强2', '姓名不能含有数字，请只填写姓名'],
    ['陈强２', '姓名不能含有数字，请只填写姓名'],
    ['陈强（已故）', `姓名不能含有“（”；${FORMAT}`],
    ['陈强、李丽', `姓名不能含有“、”；${FORMAT}`],
    ["O'Brien", `姓名不能含有“'”；${FORMAT}`],
    ['陈.强', `姓名不能含有“.”；${FORMAT}`],
    ['陈强😀', `姓名不能含有“😀”；${FORMAT}`],
    ['Иван', `姓名不能含有“И”；${FORMAT}`],
    ['·艾尼', '间隔号“·”应写在名字中间，如“阿卜杜拉·艾尼”'],
    ['艾尼·', '间隔号“·”应写在名字中间，如“阿卜杜拉·艾尼”'],
    ['阿卜杜拉··艾尼', '间隔号“·”应写在名字中间，如“阿卜杜拉·艾尼”'],
    ['陈'.repeat(41), '姓名不能超过 40 个字'],
  ])('refuses %j: %s', (raw, message) => {
    expect(checkPersonName(raw)).toEqual({ ok: false, message });
  });

  it('lets an empty name through where it is not required (a family row left blank)', () => {
    expect(checkPersonName(' ', false)).toEqual({ ok: true, name: '' });
    expect(checkPersonName('=1', false).ok).toBe(false);
  });
});
