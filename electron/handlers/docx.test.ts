/** The Word contract methods through the router, against a real vault. */
import { describe, expect, it } from 'vitest';
import type { DocxImportItem, WordFile } from '../../shared/contract/docx.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import { fullCadreInput } from '../../tests/fixtures/print/fullCadre.js';
import { useTestApp } from '../../tests/fixtures/testApp.js';

describe('docx handlers', () => {
  const { call, fail } = useTestApp('cadre-docx-handlers-');

  it('exports a 审批表 .docx that previews back as the same 档案, and saves nothing for it', async () => {
    const c = await call<Cadre>('cadre.create', { data: fullCadreInput() });
    const w = await call<WordFile>('docx.rmb', { ids: [c.id], font: '仿宋_GB2312' });
    expect(w.fileName).toMatch(/^干部任免审批表-何志强_\d{8}\.docx$/);
    expect(w.count).toBe(1);
    const p = await call<{ items: DocxImportItem[] }>('docx.importPreview', { files: [{ fileName: w.fileName, base64: w.base64 }] });
    expect(p.items.map((i) => [i.status, i.cadreId, i.differences])).toEqual([['same', c.id, []]]);
    const r = await call<{ batchId?: string; items: DocxImportItem[] }>('docx.import', { files: [{ fileName: w.fileName, base64: w.base64 }] });
    expect(r.batchId).toBeUndefined();
  });

  it('refuses an unknown font and an empty selection in Chinese', async () => {
    expect((await fail('docx.rmb', { ids: ['x'], font: 'Arial' })).message).toContain('字体应为 宋体、仿宋_GB2312 之一');
    expect((await fail('docx.rmb', { ids: [] })).message).toContain('请至少选择 1 名干部');
  });
});
