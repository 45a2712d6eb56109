import { crc32 as zlibCrc32 } from 'node:zlib';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cadre } from '../../shared/domain/cadre.js';
import { idCheckChar } from '../../shared/rules/idCard.js';
import { fullCadre } from '../../tests/fixtures/lrmx.js';
import { useTestApp } from '../../tests/fixtures/testApp.js';
import { serializeLrmx } from './lrmx.js';
import { importLrmxFiles } from './importFiles.js';
import { MAX_ZIP_ENTRIES, crc32, decodeEntryName, lrmxFilesFromZip } from './zipInput.js';

function idFor(day: number, seq: string): string {
  const first17 = `44060619750${3}${String(day).padStart(2, '0')}${seq}`;
  return first17 + idCheckChar(first17);
}

interface RawEntry {
  name: Uint8Array;
  data: Uint8Array;
  flags?: number;
  /** Stored instead of deflated. */
  stored?: boolean;
  /** The uncompressed size the headers claim, when it should lie. */
  claimedSize?: number;
  /** Sizes and offset in a ZIP64 extra field, the 32-bit fields set to 0xFFFFFFFF. */
  zip64?: boolean;
  /** More central directory extra fields. */
  extra?: Uint8Array;
}

/**
 * A zip written byte by byte, so a test can give what fflate's zipSync never writes: GBK names
 * without the UTF-8 flag, the password flag, sizes that lie.
 */
function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.stored ? e.data : deflateSync(e.data);
    const crc = zlibCrc32(e.data);
    const size = e.claimedSize ?? e.data.length;
    const local = new Uint8Array(30 + e.name.length + body.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, e.flags ?? 0, true);
    lv.setUint16(8, e.stored ? 0 : 8, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, e.name.length, true);
    local.set(e.name, 30);
    local.set(body, 30 + e.name.length);
    const extra = new Uint8Array((e.zip64 ? 28 : 0) + (e.extra?.length ?? 0));
    if (e.extra) extra.set(e.extra, e.zip64 ? 28 : 0);
    if (e.zip64) {
      const xv = new DataView(extra.buffer);
      xv.setUint16(0, 0x0001, true);
      xv.setUint16(2, 24, true);
      xv.setBigUint64(4, BigInt(size), true);
      xv.setBigUint64(12, BigInt(body.length), true);
      xv.setBigUint64(20, BigInt(offset), true);
    }
    const central = new Uint8Array(46 + e.name.length + extra.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, e.flags ?? 0, true);
    cv.setUint16(10, e.stored ? 0 : 8, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.zip64 ? 0xffffffff : body.length, true);
    cv.setUint32(24, e.zip64 ? 0xffffffff : size, true);
    cv.setUint16(28, e.name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, e.zip64 ? 0xffffffff : offset, true);
    central.set(e.name, 46);
    central.set(extra, 46 + e.name.length);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const cadreFile = (name: string, idNumber: string) => serializeLrmx({ ...fullCadre(), name, idNumber });
/** 李伟 in GBK (code page 936), as a Chinese Windows PC writes it into a zip: 李 = C0EE, 伟 = CEB0. */
const GBK_LI_WEI = [0xc0, 0xee, 0xce, 0xb0];

describe('reading .lrmx files out of a zip', () => {
  it('computes the CRC-32 zip headers carry', () => {
    const bytes = strToU8('任免审批表 lrmx 1234567890');
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('decodes a GBK name written without the UTF-8 flag, and UTF-8 names with or without it', () => {
    expect(new TextDecoder('gbk').decode(new Uint8Array(GBK_LI_WEI))).toBe('李伟'); // Node has full ICU
    expect(decodeEntryName(new Uint8Array([...GBK_LI_WEI, ...strToU8('_1234.lrmx')]), 0)).toBe('李伟_1234.lrmx');
    expect(decodeEntryName(strToU8('李伟_1234.lrmx'), 0)).toBe('李伟_1234.lrmx');
    expect(decodeEntryName(strToU8('李伟_1234.lrmx'), 0x800)).toBe('李伟_1234.lrmx');
  });

  it('takes .lrmx entries at any folder depth, drops OS litter, lists other files', () => {
    const id = idFor(3, '031');
    const zip = zipSync({
      '大良/水藤村/陈志强_1234.LRMX': new Uint8Array(cadreFile('陈志强', id)),
      '大良/清单.csv': strToU8('序号,姓名'),
      '__MACOSX/大良/._陈志强_1234.LRMX': strToU8('x'),
      '大良/.DS_Store': strToU8('x'),
      '大良/空文件夹/': new Uint8Array(0),
    });
    const r = lrmxFilesFromZip(zip, '审批表.zip');
    expect(r.files.map((f) => f.fileName)).toEqual(['审批表.zip › 大良/水藤村/陈志强_1234.LRMX']);
    expect(r.files[0].bytes.equals(cadreFile('陈志强', id))).toBe(true);
    expect(r.skipped).toEqual(['大良/清单.csv']);
  });

  it('names a GBK entry (no UTF-8 flag) correctly in the report', () => {
    const id = idFor(4, '031');
    const zip = rawZip([{ name: new Uint8Array([...GBK_LI_WEI, ...strToU8('_1234.lrmx')]), data: new Uint8Array(cadreFile('李伟', id)) }]);
    const plan = importLrmxFiles([{ fileName: 'WinRAR压缩.zip', bytes: Buffer.from(zip) }], [], 'skip');
    expect(plan.reports).toEqual([
      { file: 'WinRAR压缩.zip › 李伟_1234.lrmx', status: 'created', name: '李伟', message: '新建档案', warnings: [] },
    ]);
    expect(plan.create[0].data).toMatchObject({ name: '李伟', idNumber: id });
  });

  it('prefers the UTF-8 name WinRAR and 7-Zip put in the Unicode Path extra field, when it matches', () => {
    const raw = new Uint8Array([...GBK_LI_WEI, ...strToU8('.lrmx')]);
    const unicodePath = (name: string, crc: number) => {
      const utf8 = strToU8(name);
      const f = new Uint8Array(9 + utf8.length);
      const v = new DataView(f.buffer);
      v.setUint16(0, 0x7075, true);
      v.setUint16(2, 5 + utf8.length, true);
      f[4] = 1;
      v.setUint32(5, crc, true);
      f.set(utf8, 9);
      return f;
    };
    const data = new Uint8Array(cadreFile('李伟', idFor(7, '031')));
    const named = (extra: Uint8Array) => lrmxFilesFromZip(rawZip([{ name: raw, data, extra }]), 'u.zip').files[0].fileName;
    expect(named(unicodePath('李伟（新）.lrmx', zlibCrc32(raw)))).toBe('u.zip › 李伟（新）.lrmx');
    // Written for another name (the entry was renamed since): the stored name wins.
    expect(named(unicodePath('李伟（新）.lrmx', 12345))).toBe('u.zip › 李伟.lrmx');
  });

  it('reads sizes and offsets from a ZIP64 extra field', () => {
    const id = idFor(6, '031');
    const zip = rawZip([
      { name: strToU8('说明.txt'), data: strToU8('x'), zip64: true },
      { name: strToU8('陈志强.lrmx'), data: new Uint8Array(cadreFile('陈志强', id)), zip64: true },
    ]);
    const r = lrmxFilesFromZip(zip, 'z64.zip');
    expect(r.files.map((f) => f.fileName)).toEqual(['z64.zip › 陈志强.lrmx']);
    expect(r.files[0].bytes.equals(cadreFile('陈志强', id))).toBe(true);
    expect(r.skipped).toEqual(['说明.txt']);
  });

  it('refuses a password-protected zip', () => {
    const zip = rawZip([{ name: strToU8('a.lrmx'), data: new Uint8Array(cadreFile('陈志强', idFor(3, '031'))), flags: 0x1 }]);
    expect(() => lrmxFilesFromZip(zip, '加密.zip')).toThrow('压缩包有密码，请先解压后再导入：加密.zip');
  });

  it('refuses a damaged zip or something that is not a zip', () => {
    const good = zipSync({ 'a.lrmx': new Uint8Array(cadreFile('陈志强', idFor(3, '031'))) });
    expect(() => lrmxFilesFromZip(strToU8('这不是压缩包'), '坏.zip')).toThrow('压缩包已损坏或不是 zip 文件：坏.zip');
    // Cut off in the middle: the end record is gone.
    expect(() => lrmxFilesFromZip(good.subarray(0, good.length >> 1), '半截.zip')).toThrow('压缩包已损坏或不是 zip 文件：半截.zip');
    // A flipped byte in the compressed data: inflate fails or the CRC does not match.
    const flipped = good.slice();
    flipped[60] ^= 0xff;
    expect(() => lrmxFilesFromZip(flipped, '改过.zip')).toThrow(/^压缩包已损坏或不是 zip 文件：改过\.zip（“a\.lrmx”(无法解压|校验失败|不完整)）$/);
  });

  it('stops a zip bomb: an entry inflating past the size its header claims', () => {
    // 30 MB of zeros deflate to ~30 KB; the headers claim 1 KB.
    const bomb = rawZip([{ name: strToU8('炸弹.lrmx'), data: new Uint8Array(30 * 1024 * 1024), claimedSize: 1024 }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const started = Date.now();
    expect(() => lrmxFilesFromZip(bomb, '炸弹.zip')).toThrow(
      /^(压缩包“炸弹\.zip”中的“炸弹\.lrmx”解压后比记录的大小更大|压缩包已损坏或不是 zip 文件：炸弹\.zip（“炸弹\.lrmx”的大小记录不符）)/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    // The same within the 0.2 % a real deflater could need: inflating must stop at the claimed size.
    const subtle = rawZip([{ name: strToU8('炸弹.lrmx'), data: new Uint8Array(8 * 1024 * 1024), claimedSize: 40 * 1024 }]);
    expect(() => lrmxFilesFromZip(subtle, '炸弹.zip')).toThrow('压缩包“炸弹.zip”中的“炸弹.lrmx”解压后比记录的大小更大，可能是恶意构造的压缩包；整个压缩包未导入');
  });

  it('refuses, before inflating anything, an entry over 20 MB, too many entries, or more than 500 MB in all', () => {
    const big = rawZip([{ name: strToU8('大.lrmx'), data: strToU8('x'), stored: true, claimedSize: 21 * 1024 * 1024 }]);
    expect(() => lrmxFilesFromZip(big, '大.zip')).toThrow('压缩包“大.zip”中的“大.lrmx”解压后有 21.0 MB，超过单个文件 20 MB 的上限');
    const many = rawZip(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: strToU8(`${i}.txt`), data: new Uint8Array(0), stored: true })));
    expect(() => lrmxFilesFromZip(many, '多.zip')).toThrow('压缩包“多.zip”中的文件有 5001 个，超过 5000 个，请分成几个压缩包导入');
    const total = rawZip(Array.from({ length: 26 }, (_, i) => ({ name: strToU8(`${i}.lrmx`), data: strToU8('x'), stored: true, claimedSize: 20 * 1024 * 1024 })));
    expect(() => lrmxFilesFromZip(total, '总.zip')).toThrow('压缩包“总.zip”解压后超过 500 MB；请分成几个压缩包导入');
    expect(() => lrmxFilesFromZip(new Uint8Array(100 * 1024 * 1024 + 1), '巨.zip')).toThrow('压缩包“巨.zip”有 100.0 MB，超过 100 MB；请分成几个压缩包导入');
  });

  it('reports a refused zip as one line and still imports the other files chosen with it', () => {
    const id = idFor(5, '031');
    const plan = importLrmxFiles(
      [
        { fileName: '坏.zip', bytes: Buffer.from('PK\x03\x04 garbage') },
        { fileName: '王强.lrmx', bytes: cadreFile('王强', id) },
        { fileName: '空.zip', bytes: Buffer.from(zipSync({ '清单.csv': strToU8('x') })) },
      ],
      [],
      'skip',
    );
    expect(plan.reports.map((r) => [r.file, r.status, r.message])).toEqual([
      ['坏.zip', 'refused', '压缩包已损坏或不是 zip 文件：坏.zip'],
      ['王强.lrmx', 'created', '新建档案'],
      ['空.zip', 'refused', '压缩包“空.zip”中没有 .lrmx 任免审批表文件'],
    ]);
    expect(plan.skipped).toEqual(['空.zip › 清单.csv']);
    expect(plan.create).toHaveLength(1);
  });
});

describe('the receiving office imports the zip another office exported', () => {
  const sender = useTestApp('lrmx-zip-from-');
  const receiver = useTestApp('lrmx-zip-to-');
  const people = [
    { name: '李伟', day: 3, seq: '031', resume: [{ from: '1993.09', to: '1997.07', text: '华南农业大学农学专业学习' }, { from: '1997.07', to: '', text: '大良街道水藤村工作' }] },
    { name: '陈丽', day: 4, seq: '022', resume: [{ from: '2001.07', to: '', text: '水藤村妇联主席' }] },
    { name: '黄志明', day: 5, seq: '051', resume: [{ from: '2010.01', to: '', text: '水藤村党委委员' }] },
  ];
  let exported: { fileName: string; base64: string; count: number };
  const sent: Cadre[] = [];

  beforeAll(async () => {
    const v = await sender.call('village.create', { data: { name: '水藤村', townCode: '440606005' } });
    for (const p of people) {
      sent.push(
        await sender.call('cadre.create', {
          data: { ...fullCadre(), name: p.name, sex: p.seq === '022' ? '女' : '男', idNumber: idFor(p.day, p.seq), resume: p.resume, villageId: v.id },
        }),
      );
    }
    exported = await sender.call('lrmx.exportMany', { ids: sent.map((c) => c.id) });
  });

  it('creates the 3 cadres with the same 姓名, 身份证号码 and 简历, each reported by its name in the zip', async () => {
    expect(exported.count).toBe(3);
    const r = await receiver.call('lrmx.import', {
      files: [{ fileName: exported.fileName, base64: exported.base64 }],
    });
    expect(r.batchId).toBeTruthy();
    expect(r.reports.map((x) => x.status)).toEqual(['created', 'created', 'created']);
    expect(r.reports.map((x) => x.file)).toEqual(sent.map((c) => `${exported.fileName} › ${c.name}_${c.idNumber.slice(-4)}.lrmx`));
    expect(r.skipped).toEqual([`${exported.fileName} › 清单.csv`]);
    const arrived = receiver.app.requireSession().doc.cadres;
    expect(arrived).toHaveLength(3);
    for (const c of sent) {
      const got = arrived.find((x) => x.idNumber === c.idNumber);
      expect(got?.name).toBe(c.name);
      expect(got?.resume).toEqual(c.resume);
    }
    const batch = receiver.app.requireSession().doc.importBatches.at(-1);
    expect(batch).toMatchObject({ fileName: exported.fileName, kind: 'lrmx' });
  });

  it('skips everyone on a second import of the same zip', async () => {
    const r = await receiver.call('lrmx.import', {
      files: [{ fileName: exported.fileName, base64: exported.base64 }],
    });
    expect(r.batchId).toBeUndefined();
    expect(r.reports.map((x) => x.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(receiver.app.requireSession().doc.cadres).toHaveLength(3);
  });
});
