/**
 * Reading a Word 审批表 back: our own file round-trips with no differences, a hand-typed one
 * reads correctly, edits show up field by field, matching asks when it must, and hostile files
 * are refused quickly with a Chinese message before anything is planned.
 */
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cadre } from '../../shared/domain/cadre.js';
import { idCheckChar } from '../../shared/rules/idCard.js';
import { buildDemoDocument } from '../demo/generate.js';
import { handMadeDocx } from '../../tests/fixtures/docx/handMade.js';
import { fullCadre, photoBase64 } from '../../tests/fixtures/print/fullCadre.js';
import { planDocxImport } from './importRmb.js';
import { readRmbDocx } from './readRmb.js';
import { rmbDocx } from './rmbDocx.js';

const opts = { refDate: '2026.11', familyColumn: '出生年月' as const, font: '宋体' as const };
const word = async (c: Cadre, o: Parameters<typeof rmbDocx>[1] = opts) => (await rmbDocx([c], o)).bytes;
const plan = (bytes: Uint8Array, cadres: Cadre[], extra: { cadreId?: string; idNumber?: string } = {}) => planDocxImport([{ fileName: '审批表.docx', bytes, ...extra }], cadres);

describe('round trip', () => {
  it('every demo cadre and the full fixture read back from our .docx with no differences', async () => {
    const cadres = [fullCadre({ photo: photoBase64() }), ...buildDemoDocument({ cadres: 40, seed: 11 }).cadres.slice(0, 40)];
    for (const c of cadres) {
      const p = plan(await word(c), cadres);
      expect([c.name, p.items[0].status, p.items[0].differences, p.items[0].unreadable]).toEqual([c.name, 'same', [], []]);
      expect(p.items[0].cadreId).toBe(c.id);
    }
  });

  it('an edited file shows exactly the edited fields and updates only them, keeping 村 work fields', async () => {
    const stored = { ...fullCadre(), villagePost: '书记、主任一肩挑' as const, phone: '13800000000' };
    const edited = { ...stored, appointmentReason: '根据工作需要，拟任逢简村党委书记。', proposedPosition: '佛山市顺德区杏坛镇逢简村党委书记' };
    const p = plan(await word(edited), [stored]);
    expect(p.items[0].status).toBe('matched');
    expect(p.items[0].differences.map((d) => d.field)).toEqual(['拟任职务', '任免理由']);
    expect(p.items[0].differences[1]).toEqual({ field: '任免理由', stored: stored.appointmentReason, file: '根据工作需要，拟任逢简村党委书记。' });
    const data = p.update[0].data as Cadre;
    expect([data.appointmentReason, data.proposedPosition, data.phone, data.villagePost, data.idNumber]).toEqual([edited.appointmentReason, edited.proposedPosition, '13800000000', '书记、主任一肩挑', stored.idNumber]);
  });

  it('a document of several people (as 导出 Word writes a selection) reads as one item per person', async () => {
    const cadres = buildDemoDocument({ cadres: 3, seed: 5 }).cadres.slice(0, 3);
    const edited = cadres.map((c, i) => (i === 1 ? { ...c, proposedPosition: '拟任村党组织书记' } : c));
    const bytes = (await rmbDocx(edited, opts)).bytes;
    const p = plan(bytes, cadres);
    expect(p.items.map((i) => [i.file, i.cadreId, i.status])).toEqual([
      ['审批表.docx › 第 1 份', cadres[0].id, 'same'],
      ['审批表.docx › 第 2 份', cadres[1].id, 'matched'],
      ['审批表.docx › 第 3 份', cadres[2].id, 'same'],
    ]);
    expect(p.items[1].differences.map((d) => d.field)).toEqual(['拟任职务']);
    expect(p.update.map((u) => u.cadreId)).toEqual([cadres[1].id]);
  });

  it('年龄 family column: the ages are not turned into birth months, and the stored ones stay', async () => {
    const c = fullCadre();
    const p = plan(await word(c, { ...opts, familyColumn: '年龄' }), [c]);
    expect(p.items[0].status).toBe('same');
    expect(p.items[0].unreadable.join()).toContain('年龄');
  });
});

describe('a 审批表 typed by hand', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await handMadeDocx();
  });

  it('reads merged cells, full-width spacing and line breaks inside cells', () => {
    const [{ read, unreadable }, ...more] = readRmbDocx(bytes, '手填.docx');
    expect(more).toEqual([]);
    expect(unreadable).toEqual([]);
    expect(read).toMatchObject({
      name: '何志强', sex: '男', birth: '1978.03', ethnicity: '汉', partyJoinDate: '1998.06', workStartDate: '1997.07', techTitle: '农业经济师', expertise: '农村集体经济管理，基层党建',
      fullTimeEducation: { level: '中专', degree: '', levelSchool: '广东省顺德师范学校普通师范专业', degreeSchool: '' },
      partTimeEducation: { level: '大学', degree: '管理学学士', levelSchool: '华南农业大学经济管理学院农业经济管理专业', degreeSchool: '华南农业大学' },
      proposedPosition: '佛山市顺德区杏坛镇逢简村党委书记（跨村任职）', assessmentText: '2023年度优秀；2024年度优秀。', appointmentReason: '该同志政治坚定，\n熟悉农村工作。',
      reportingUnit: '中共佛山市顺德区杏坛镇委员会', filledBy: '李组织',
    });
    expect(read.resume).toEqual([
      { from: '1994.09', to: '1997.07', text: '广东省顺德师范学校普通师范专业学习' },
      { from: '1997.07', to: '1999.12', text: '顺德市杏坛镇逢简小学教师' },
      { from: '2021.05', to: '2023.03', text: '佛山市顺德区杏坛镇马东村党委书记、村委会主任（书记、主任一肩挑）' },
      { from: '2024.08', to: '', text: '佛山市顺德区杏坛镇马东村党委书记、村委会主任' },
    ]);
    expect(read.family?.map((m) => [m.relation, m.name, m.birth, m.politicalStatus, m.workUnit])).toEqual([
      ['妻子', '梁婉婷', '1980.06', '中共党员', '佛山市顺德区杏坛镇中心小学教师'],
      ['父亲', '何永康', '1950.04', '中共党员', '佛山市顺德区杏坛镇逢简村退休村干部'],
    ]);
    expect(read.photo).toBe(photoBase64());
  });

  it('matches its 档案 and lists what differs from it (汉 and 汉族 are the same)', () => {
    const p = plan(bytes, [fullCadre()]);
    const fields = p.items[0].differences.map((d) => d.field);
    expect(p.items[0].status).toBe('matched');
    expect(fields).not.toContain('民族');
    expect(fields).toEqual(expect.arrayContaining(['简历', '奖惩情况', '年度考核结果', '任免理由', '家庭成员第 2 行', '家庭成员第 3 行']));
  });

  it('a new person needs a 身份证号码; a wrong one is refused naming the field', () => {
    expect(plan(bytes, []).items[0]).toMatchObject({ status: 'new' });
    expect(plan(bytes, []).create).toEqual([]);
    const ok = plan(bytes, [], { idNumber: fullCadre().idNumber });
    expect(ok.create).toHaveLength(1);
    const bad = plan(bytes, [], { idNumber: '440606198106153427' });
    expect(bad.items[0].status).toBe('refused');
    expect(bad.items[0].message).toMatch(/^出生年月：|^性别：/);
  });

  it('several 档案 with the same 姓名 and 出生年月: asks which, and takes the choice', () => {
    const a = fullCadre();
    const first17 = '44060619780315001';
    const b = { ...fullCadre(), id: 'other', idNumber: first17 + idCheckChar(first17) };
    const p = plan(bytes, [a, b]);
    expect(p.items[0].status).toBe('ambiguous');
    expect(p.items[0].candidates?.map((c) => c.id)).toEqual([a.id, 'other']);
    expect(plan(bytes, [a, b], { cadreId: 'other' }).update[0].cadreId).toBe('other');
  });
});

describe('hostile and wrong files', () => {
  const docxOf = (files: Record<string, Uint8Array>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 6 }]]))));
  const refused = (bytes: Uint8Array) => {
    const t = performance.now();
    const p = plan(bytes, [fullCadre()]);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(p.create.length + p.update.length).toBe(0);
    expect(p.items[0].status).toBe('refused');
    return p.items[0].message;
  };

  it('a zip bomb: document.xml inflating to 60 MB is refused from its declared size, before inflating', () => {
    expect(refused(docxOf({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }))).toMatch(/正文.*解压后有 60\.0 MB，超过 8 MB/);
  });

  it('a zip that lies about its size is stopped while inflating', () => {
    const zip = docxOf({ 'word/document.xml': new Uint8Array(5 * 1024 * 1024) });
    // Rewrite the declared size in the central directory to 1 000 bytes.
    const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = zip.length - 22; at > 0; at--) {
      if (v.getUint32(at, true) === 0x02014b50) {
        v.setUint32(at + 24, 1000, true);
        break;
      }
    }
    expect(refused(zip)).toMatch(/比记录的大小更大|大小记录不符/);
  });

  it('XXE: a DOCTYPE with an external entity in document.xml is refused unread', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>';
    expect(refused(docxOf({ 'word/document.xml': strToU8(xml) }))).toContain('DTD 或实体声明');
  });

  it('a 50 MB picture is refused from the zip directory, quickly', async () => {
    const good = await word(fullCadre());
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(new Uint8Array(good));
    parts['word/media/big.jpeg'] = new Uint8Array(50 * 1024 * 1024);
    expect(refused(docxOf(parts))).toMatch(/图片“big\.jpeg”有 50\.0 MB，超过 20 MB/);
  });

  it('a Word file that is not a 审批表, a legacy .doc, and something that is not Word at all', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const letter = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('关于召开村（社区）党组织书记会议的通知')] }] }));
    expect(refused(letter)).toContain('不是干部任免审批表');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2000)]);
    expect(refused(ole)).toContain('另存为” .docx');
    expect(refused(Buffer.from('这不是 Word 文件'))).toContain('不是 Word（.docx）文件');
  });
});
