/**
 * 附件 and 批量照片: adding 200 town photos (preview + crop/resize/JPEG in the worker pool + one
 * save), adding scans one by one, and unlocking a vault whose attachment folder holds ~2 GB.
 * Unlock reads no attachment file (it lists names only), so its time should not move with the
 * folder's size; the 2 GB are sparse files of the right names and sizes, since unlock never
 * opens them (electron/attachments/attachments.test.ts checks that garbage files do not stop it).
 */
import { mkdtempSync, openSync, closeSync, ftruncateSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { Session } from '../../electron/store/session.js';
import { OpenVault } from '../../electron/vault/vault.js';
import { commitPhotos, previewPhotos } from '../../electron/photos/bulkPhotos.js';
import { processInWorkers } from '../../electron/handlers/photos.js';
import { addAttachment } from '../../electron/attachments/catalogue.js';
import { newAttachmentId, newRootKey } from '../../electron/attachments/fileCrypto.js';
import { filesDir } from '../../electron/attachments/fileStore.js';
import { closeIdleWorkers } from '../../electron/workers/pool.js';
import type { Attachment } from '../../shared/domain/attachment.js';

export const name = 'attachments';

const PW = 'bench-attach-pass';

/** A 600×800 photo with texture (a flat colour would compress unrealistically well). */
function townPhoto(seed: number): Buffer {
  const w = 600;
  const h = 800;
  const data = Buffer.alloc(w * h * 4);
  let r = seed;
  for (let i = 0; i < w * h; i++) {
    r = (r * 1103515245 + 12345) & 0x7fffffff;
    const y = Math.floor(i / w);
    const base = y < h / 2 ? 200 : 60;
    data[i * 4] = base + (r & 31);
    data[i * 4 + 1] = base - 20 + ((r >> 5) & 31);
    data[i * 4 + 2] = base - 40 + ((r >> 10) & 31);
    data[i * 4 + 3] = 255;
  }
  return Buffer.from(jpeg.encode({ width: w, height: h, data }, 85).data);
}

const time = async <T>(f: () => Promise<T> | T): Promise<{ ms: number; r: T }> => {
  const t = performance.now();
  const r = await f();
  return { ms: Math.round(performance.now() - t), r };
};

async function unlockMs(path: string, runs = 3): Promise<number> {
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, r } = await time(() => OpenVault.open(path, PW));
    r.close();
    all.push(ms);
  }
  return all.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'cadre-bench-attach-'));
  const out: Record<string, unknown> = { loadAverageAtStart: loadavg().map((x) => +x.toFixed(1)) };
  try {
    // 200 photos named 身份证号 for 200 of 2000 cadres.
    const path = join(dir, 'photos.cdv');
    const doc = buildDemoDocument({ cadres: 2000, seed: 20231 });
    for (const c of doc.cadres) c.photo = '';
    const s = new Session(await OpenVault.create(path, PW, doc), 'bench');
    const files = doc.cadres.slice(0, 200).map((c, i) => ({ fileName: `${c.idNumber}.jpg`, bytes: townPhoto(i + 1) }));
    const inputBytes = files.reduce((n, f) => n + f.bytes.length, 0);
    const preview = await time(() => previewPhotos(files, s.doc.cadres, 'bench'));
    const matched = preview.r.preview.items.filter((i) => i.status === 'matched');
    const commit = await time(() => commitPhotos(s, preview.r.pending, matched.map((i) => ({ key: i.key, cadreId: i.cadre!.id })), processInWorkers));
    const storedBytes = s.doc.cadres.slice(0, 200).reduce((n, c) => n + (c.photo.length * 3) / 4, 0);
    out.photos200 = {
      inputMB: +(inputBytes / 1024 / 1024).toFixed(1),
      matched: matched.length,
      previewMs: preview.ms,
      cropResizeCompressAndSaveMs: commit.ms,
      totalMs: preview.ms + commit.ms,
      avgStoredKB: Math.round(storedBytes / 200 / 1024),
      target: '≤ 10 000 ms',
    };

    // Scans added one at a time (each its own audited save), 1 MB each.
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024, 7)]);
    const adds = await time(async () => {
      for (let i = 0; i < 20; i++) await addAttachment(s, { cadreId: s.doc.cadres[i].id, fileName: `扫描${i}.pdf`, bytes: scan, meta: { category: '履历材料', title: `扫描件 ${i}` } });
    });
    out.addScan1MB = { count: 20, avgMs: Math.round(adds.ms / 20) };
    s.vault.close();

    // Unlock: the same 2000-cadre vault without attachments, then with 2000 catalogued files of ~1 MB (≈2 GB).
    const plain = join(dir, 'plain.cdv');
    (await OpenVault.create(plain, PW, buildDemoDocument({ cadres: 2000, seed: 20231 }))).close();
    const before = await unlockMs(plain);
    const many = join(dir, 'many.cdv');
    const big = buildDemoDocument({ cadres: 2000, seed: 20231 });
    big.attachmentKey = newRootKey();
    const fileBytes = 1024 * 1024 + 29;
    mkdirSync(filesDir(many), { recursive: true });
    big.attachments = big.cadres.map((c, i): Attachment => {
      const id = newAttachmentId();
      const fd = openSync(join(filesDir(many), id), 'w');
      ftruncateSync(fd, fileBytes);
      closeSync(fd);
      return { id, cadreId: c.id, category: '履历材料', title: `材料 ${i}`, pages: 3, mime: 'application/pdf', fileName: `${i}.pdf`, size: fileBytes - 29, sha256: '0'.repeat(64), rotation: 0, addedBy: 'bench', addedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
    });
    (await OpenVault.create(many, PW, big)).close();
    const after = await unlockMs(many);
    out.unlock2000Cadres = { withoutAttachmentsMs: before, with2000AttachmentsOf2GBMs: after, attachmentGB: +((fileBytes * 2000) / 1024 ** 3).toFixed(2), note: 'median of 3; includes scrypt' };
  } finally {
    await closeIdleWorkers();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
