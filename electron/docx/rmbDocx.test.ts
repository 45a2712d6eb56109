/** The Word file itself, as Word/WPS read it: fonts, fixed geometry, text as text. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fullCadre, photoBase64 } from '../../tests/fixtures/print/fullCadre.js';
import { rmbDocx } from './rmbDocx.js';

const opts = { refDate: '2026.11', familyColumn: '出生年月' as const, font: '宋体' as const };

async function parts(font: '宋体' | '仿宋_GB2312' = '宋体', cadre = fullCadre({ photo: photoBase64() })) {
  const r = await rmbDocx([cadre], { ...opts, font });
  const zip = unzipSync(new Uint8Array(r.bytes));
  return { zip, doc: strFromU8(zip['word/document.xml']), styles: strFromU8(zip['word/styles.xml']), warnings: r.warnings };
}

describe('Word 干部任免审批表 file', () => {
  it('defaults to 宋体 14 pt for East Asian text, Times New Roman for Latin; 仿宋_GB2312 on request', async () => {
    const song = await parts();
    expect(song.styles).toMatch(/<w:rFonts [^>]*w:eastAsia="宋体"/);
    expect(song.styles).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
    expect(song.styles).toMatch(/<w:sz w:val="28"\/>/);
    const fang = await parts('仿宋_GB2312');
    expect(fang.styles).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(fang.styles).not.toMatch(/w:eastAsia="宋体"/);
  });

  it('uses fixed-layout tables on the official grid with exact row heights, one section per page', async () => {
    const { doc } = await parts();
    expect(doc).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = (cols: number[]) => cols.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
    expect(doc).toContain(grid([784, 236, 1305, 1063, 1302, 1315, 1330, 2058]));
    for (const h of [709, 692, 680, 7133, 1418, 1021, 1361, 697, 2019]) expect(doc, `row ${h}`).toMatch(new RegExp(`<w:trHeight w:val="${h}" w:hRule="exact"/>`));
    expect(doc).toMatch(/<w:trHeight w:val="646" w:hRule="atLeast"\/>/);
    expect(doc.match(/<w:sectPr/g)).toHaveLength(2);
    expect(doc).toMatch(/<w:pgMar w:top="629" w:right="1134" w:bottom="680" w:left="1247"/);
    expect(doc).toMatch(/<w:pgMar w:top="1621" w:right="1134" w:bottom="567" w:left="1191"/);
    expect(doc).toMatch(/<w:pgSz w:w="11907" w:h="16840"/);
  });

  it('keeps text as text: no text boxes, the only picture is the photo at 3.57 × 4.87 cm or less', async () => {
    const { zip, doc } = await parts();
    expect(doc).not.toMatch(/txbxContent|<v:textbox|<wps:txbx/);
    const media = Object.keys(zip).filter((k) => k.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const ext = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(ext).toHaveLength(1);
    expect(ext[0][0]).toBeLessThanOrEqual(1285875 + 9525);
    expect(ext[0][1]).toBeLessThanOrEqual(1752600 + 9525);
    for (const v of ['何志强', '广东省顺德师范学校普通师范专业', '梁婉婷', '中共佛山市顺德区杏坛镇委员会']) expect(doc).toContain(v);
  });

  it('简历 entries hang under their text: the date, a tab, then the text', async () => {
    const { doc } = await parts();
    expect(doc).toMatch(/<w:ind w:left="\d+" w:hanging="\d+"\/>/);
    expect(doc).toMatch(/1994\.09--1997\.07<\/w:t><w:tab\/><w:t[^>]*>广东省顺德师范学校普通师范专业学习/);
  });

  it('a photo that is not a JPEG/PNG is left out with a warning, not embedded', async () => {
    const { zip, warnings } = await parts('宋体', fullCadre({ photo: Buffer.from('GIF89a not a photo at all').toString('base64') }));
    expect(Object.keys(zip).filter((k) => k.startsWith('word/media/'))).toHaveLength(0);
    expect(warnings.find((w) => w.field === '照片')?.message).toContain('照片不是 JPEG/PNG 图片');
  });
});
