import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoDocument } from '../demo/generate.js';
import { undoBatch } from '../importer/batch.js';
import { Session } from '../store/session.js';
import { OpenVault } from '../vault/vault.js';
import { processInWorkers } from '../handlers/photos.js';
import { commitPhotos, previewPhotos } from './bulkPhotos.js';
import { defaultCrop } from './crop.js';
import { imageInfo } from './imageInfo.js';
import { parsePhotoName } from './matchPhotos.js';
import { LRMX_PHOTO_MAX_BYTES } from './process.js';

/** A JPEG whose top quarter is red and the rest blue: the crop's position shows in the result. */
export function photo(w: number, h: number): Buffer {
  const data = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(y < h / 4 ? [220, 20, 20, 255] : [20, 20, 220, 255], (y * w + x) * 4);
  return Buffer.from(jpeg.encode({ width: w, height: h, data }, 90).data);
}

const dir = mkdtempSync(join(tmpdir(), 'cadre-photos-'));
let s: Session;
beforeAll(async () => {
  const doc = buildDemoDocument({ cadres: 6, seed: 5 });
  doc.cadres[1].name = '陈志强';
  doc.cadres[2].name = '陈志强';
  doc.cadres[3].name = '李丽';
  for (const c of doc.cadres) c.photo = '';
  s = new Session(await OpenVault.create(join(dir, 'v.cdv'), 'photos-pass', doc), '李组织');
});
afterAll(() => {
  s.vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('批量照片', () => {
  it('reads names as 身份证号, 姓名 or 姓名_身份证号', () => {
    expect(parsePhotoName('440606197503121234.jpg')).toEqual({ idNumber: '440606197503121234' });
    expect(parsePhotoName('a/b/陈志强_44060619750312123x.JPG')).toEqual({ name: '陈志强', idNumber: '44060619750312123X' });
    expect(parsePhotoName('李 丽.png')).toEqual({ name: '李丽' });
  });

  it('the default crop is 3:4, centred across and held at the top', () => {
    expect(defaultCrop(800, 600)).toEqual({ x: 175, y: 0, width: 450, height: 600 });
    expect(defaultCrop(600, 1200)).toEqual({ x: 0, y: 0, width: 600, height: 800 });
  });

  it('preview: matched, ambiguous, unmatched, and a zip bomb, a 60 MB image and a non-image each with its own message', () => {
    const c0 = s.doc.cadres[0];
    const big = Buffer.alloc(60 * 1024 * 1024);
    photo(40, 60).copy(big);
    const inner = zipSync({ 'photos/李丽.jpg': photo(300, 400), 'photos/大图.jpg': [big, { level: 0 }], 'photos/说明.jpg': Buffer.from('这不是图片'), '__MACOSX/._李丽.jpg': Buffer.from('x') });
    const bomb = zipSync({ '炸弹.jpg': new Uint8Array(50 * 1024 * 1024) });
    const { preview } = previewPhotos(
      [
        { fileName: `${c0.idNumber}.jpg`, bytes: photo(600, 900) },
        { fileName: '陈志强.jpg', bytes: photo(300, 400) },
        { fileName: '王五.jpg', bytes: photo(300, 400) },
        { fileName: '镇街照片.zip', bytes: inner },
        { fileName: '炸弹.zip', bytes: bomb },
      ],
      s.doc.cadres,
      '测试',
    );
    const by = (f: string) => preview.items.find((i) => i.fileName.endsWith(f))!;
    expect(preview.counts).toEqual({ matched: 2, ambiguous: 1, unmatched: 1, refused: 3 });
    expect(by(`${c0.idNumber}.jpg`)).toMatchObject({ status: 'matched', by: '身份证号', cadre: { id: c0.id } });
    expect(by('李丽.jpg')).toMatchObject({ status: 'matched', by: '姓名' });
    expect(by('陈志强.jpg').status).toBe('ambiguous');
    expect(by('陈志强.jpg').message).toBe('档案中有 2 人名为“陈志强”，请选择是哪一位');
    expect(by('陈志强.jpg').candidates!.map((c) => c.id).sort()).toEqual([s.doc.cadres[1].id, s.doc.cadres[2].id].sort());
    expect(by('王五.jpg')).toMatchObject({ status: 'unmatched', message: '档案中没有名为“王五”的干部（可把文件名改为 姓名_身份证号）' });
    expect(by('大图.jpg')).toMatchObject({ status: 'refused', message: '图片文件过大（60.0 MB），单张照片不超过 20 MB，请先缩小后再导入' });
    expect(by('说明.jpg')).toMatchObject({ status: 'refused', message: '不是 JPEG 或 PNG 图片（按文件内容判断），未导入' });
    expect(by('炸弹.zip').status).toBe('refused');
    expect(by('炸弹.zip').message).toContain('可能是恶意构造的压缩包（zip 炸弹）；整个压缩包未导入');
  });

  it('commit crops to 3:4 (top kept), compresses under the LRMX photo limit, saves as one batch that undo reverts', async () => {
    const c0 = s.doc.cadres[0];
    const c2 = s.doc.cadres[2];
    const { preview, pending } = previewPhotos([{ fileName: `${c0.idNumber}.jpg`, bytes: photo(600, 1200) }, { fileName: '陈志强.png', bytes: photo(300, 400) }], s.doc.cadres, '镇街照片');
    expect(preview.items[1].status).toBe('ambiguous'); // .png name, JPEG content: read by content; two people of that name
    const choices = [
      { key: preview.items[0].key, cadreId: c0.id },
      { key: preview.items[1].key, cadreId: c2.id },
    ];
    // ambiguous files are offered with candidates; the user picked 陈志强 #2
    const r = await commitPhotos(s, pending, choices, processInWorkers);
    expect(r.saved).toBe(2);
    const saved = Buffer.from(s.doc.cadres[0].photo, 'base64');
    expect(saved.length).toBeLessThan(LRMX_PHOTO_MAX_BYTES);
    expect(imageInfo(saved)).toEqual({ mime: 'image/jpeg', width: 360, height: 480 });
    const px = jpeg.decode(saved, { useTArray: true });
    // The default crop holds the top: the red band (top quarter of the 600×1200 source) is the top eighth... of an 800-high crop: 300/800.
    expect(px.data[0]).toBeGreaterThan(150); // top-left is red
    expect(px.data[(470 * 360 + 10) * 4 + 2]).toBeGreaterThan(150); // bottom is blue
    expect(s.doc.importBatches.at(-1)).toMatchObject({ kind: 'photos', fileName: '镇街照片' });
    expect(s.doc.cadres[2].photo).not.toBe('');
    await undoBatch(s, r.batchId);
    expect(s.doc.cadres[0].photo).toBe('');
    expect(s.doc.cadres[2].photo).toBe('');
  });
});
