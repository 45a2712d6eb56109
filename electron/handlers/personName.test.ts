/**
 * The privileged side checks 姓名 itself (a page that skips the form's check gets the same
 * refusal), and a vault holding a name stored before the rule existed still opens.
 */
import { describe, expect, it } from 'vitest';
import { cadreInputSchema, type Cadre } from '../../shared/domain/cadre.js';
import { emptyDocument } from '../../shared/domain/document.js';
import { OpenVault } from '../vault/vault.js';
import { TEST_PASSWORD, id18, useTestApp } from '../../tests/fixtures/testApp.js';

const LEGACY_NAME = '=HYPERLINK("http://evil.example","点我")';

function legacyDocument() {
  const doc = emptyDocument();
  const fields = cadreInputSchema.parse({ name: '占位', sex: '男', birth: '1975.03', idNumber: id18('19750312', '013') });
  const at = '2025-01-01T00:00:00.000Z';
  const cadre: Cadre = { ...fields, name: LEGACY_NAME, family: [{ relation: '妻子', name: '<b>李</b>', birth: '', politicalStatus: '', workUnit: '', idNumber: '' }], id: 'legacy', createdAt: at, updatedAt: at };
  doc.cadres.push(cadre);
  return doc;
}

const t = useTestApp('person-name-', legacyDocument);
const { call, fail } = t;
const base = (over: Record<string, unknown> = {}) => ({ name: '王建国', sex: '男' as const, birth: '1980.05', idNumber: id18('19800521', '015'), ...over });

describe('姓名 at the handler', () => {
  it('refuses a name that is markup or a formula, on the name field, whatever the page sent', async () => {
    const markup = await fail('cadre.create', { data: base({ name: '<img src=x onerror=alert(1)>' }) });
    expect([markup.code, markup.fields?.name]).toEqual(['INVALID', '姓名不能含有尖括号“<”“>”，请只填写姓名']);
    const formula = await fail('cadre.create', { data: base({ name: '@SUM(1+1)' }) });
    expect(formula.fields?.name).toBe('姓名不能以“@”开头（像是 Excel 公式），请只填写姓名');
    const family = await fail('cadre.create', { data: base({ family: [{ relation: '妻子', name: '李丽\u0007' }] }) });
    expect(family.fields?.['family.0.name']).toBe('姓名含有看不见的控制字符，请删除后重新输入');
    const relative = await fail('cadre.create', { data: base({ relations: [{ kind: '配偶', name: '+李丽' }] }) });
    expect(relative.fields?.['relations.0.name']).toBe('姓名不能以“+”开头（像是 Excel 公式），请只填写姓名');
  });

  it('stores a minority name with the 间隔号 · whichever dot was typed', async () => {
    const c = await call('cadre.create', { data: base({ name: '阿卜杜拉・艾尼', family: [{ relation: '妻子', name: 'Mary  Smith' }] }) });
    expect([c.name, c.family[0].name]).toEqual(['阿卜杜拉·艾尼', 'Mary Smith']);
  });

  it('opens a vault holding a name stored before the rule, shows it, and asks for it to be corrected on the next edit', async () => {
    const reopened = await OpenVault.open(t.vaultPath, TEST_PASSWORD);
    try {
      expect(reopened.doc.cadres.find((c) => c.id === 'legacy')?.name).toBe(LEGACY_NAME);
    } finally {
      reopened.close();
    }
    expect((await call('cadre.get', { id: 'legacy' })).name).toBe(LEGACY_NAME);
    const rows = await call('cadre.list', {});
    expect(rows.find((r) => r.id === 'legacy')?.name).toBe(LEGACY_NAME);
    const edit = await fail('cadre.update', { id: 'legacy', data: { phone: '13800138000' } });
    expect(edit.fields?.name).toBe('姓名不能以“=”开头（像是 Excel 公式），请只填写姓名');
    const fixed = await call('cadre.update', { id: 'legacy', data: { name: '陈强', family: [{ relation: '妻子', name: '李丽' }], phone: '13800138000' } });
    expect([fixed.name, fixed.phone]).toEqual(['陈强', '13800138000']);
  });
});
