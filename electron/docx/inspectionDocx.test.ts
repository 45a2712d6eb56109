/** The 考察 record and its 考察材料: checked input, the usual headings, the figures as typed. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inspectionSchema } from '../../shared/domain/crossPosting.js';
import { INSPECTION, withInspection } from '../../tests/fixtures/print/inspection.js';
import { dossierDoc } from '../../tests/fixtures/print/dossierDoc.js';
import { dossierData } from '../print/dossierData.js';
import { dossierDocx } from './dossierDocx.js';
import { inspectionDocx } from './inspectionDocx.js';

const NOW = new Date('2026-03-01T10:00:00');
const text = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']).replace(/<[^>]+>/g, '');

describe('考察 record', () => {
  it('refuses more votes than people who took part, naming 民主测评', () => {
    const r = inspectionSchema.safeParse({ ...INSPECTION, votes: { ...INSPECTION.votes, participants: 20 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('民主测评各等次票数合计 41 票，多于参加测评人数 20 人');
  });

  it('needs 考察组成员, 主要优点 and 考察结论, and an end no earlier than the start', () => {
    const r = inspectionSchema.safeParse({ ...INSPECTION, team: ' ', strengths: '', conclusion: '', to: '2026.02.01' });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['请填写考察组成员', '请填写主要优点', '请填写考察结论', '考察结束日期 2026.02.01 早于开始日期 2026.02.18']);
  });
});

describe('考察材料 (.docx)', () => {
  it('has the usual headings in order and the figures as recorded', async () => {
    const { doc, candidateId } = dossierDoc();
    const d = dossierData(withInspection(doc, candidateId), candidateId, '李组织', NOW);
    const t = text(new Uint8Array(await inspectionDocx(d, '仿宋_GB2312')));
    const order = ['关于何志强同志的考察材料', '一、基本情况', '二、民主测评情况', '三、主要优点', '四、主要不足', '五、考察结论'].map((h) => t.indexOf(h));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]))).toBe(true);
    expect(t).toContain('考察组（区委组织部 陈志明、镇组织办 李组织）于2026年2月18日至2026年2月20日对何志强同志进行了考察');
    expect(t).toContain('共与 23 人进行了个别谈话，41 人参加了民主测评');
    expect(t).toContain('“优秀”30 票，占 73.2%');
    expect(t).toContain('“优秀”和“称职”票合计占 95.1%');
    expect(t).toContain('抓集体经济有办法，马东村集体收入三年翻番。');
    expect(t).toContain(INSPECTION.conclusion);
  });

  it('is refused in Chinese when the 考察 step has no record, and joins the 任用材料 when it has one', async () => {
    const { doc, candidateId } = dossierDoc();
    await expect(inspectionDocx(dossierData(doc, candidateId, '李组织', NOW), '宋体')).rejects.toThrow('“考察”环节没有填写考察记录');
    expect(text(new Uint8Array((await dossierDocx(dossierData(doc, candidateId, '李组织', NOW), '宋体')).bytes))).not.toContain('考察材料');
    const withIt = text(new Uint8Array((await dossierDocx(dossierData(withInspection(doc, candidateId), candidateId, '李组织', NOW), '宋体')).bytes));
    expect(withIt).toContain('3. 考察材料');
    expect(withIt).toContain('关于何志强同志的考察材料');
  });
});
