/**
 * Crop, resize and JPEG-compress one photo, in pure JS (jpeg-js, pngjs) so the CLI and the worker
 * threads need no native module. Runs in a worker (electron/workers/tasks.ts 'photos.process').
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AppError } from '../../shared/contract/define.js';
import { clampCrop, PHOTO_OUT, type CropRect } from './crop.js';
import { imageInfo } from './imageInfo.js';

/** cadre.photo holds at most 2 000 000 base64 characters (shared/domain/cadre.ts), about 1.5 MB of JPEG. */
export const LRMX_PHOTO_MAX_BYTES = Math.floor((2_000_000 / 4) * 3);
/** What this step aims under: a tenth of the LRMX limit, plenty for a 360 × 480 ID photo. */
const TARGET_BYTES = 150 * 1024;

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

function decode(bytes: Uint8Array, fileName: string): Rgba {
  const info = imageInfo(bytes);
  if (!info) throw new AppError('INVALID', `“${fileName}”不是 JPEG 或 PNG 图片`);
  try {
    if (info.mime === 'image/jpeg') {
      const r = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 60, maxMemoryUsageInMB: 600 });
      return { width: r.width, height: r.height, data: r.data };
    }
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, data: png.data };
  } catch (e) {
    throw new AppError('INVALID', `“${fileName}”图片已损坏或无法读取（${(e as Error).message.slice(0, 80)}）`);
  }
}

/** Area-averaging resize of the crop box: no aliasing when a 3000-pixel photo becomes 360. */
function cropResize(src: Rgba, c: CropRect, outW: number, outH: number): Uint8Array {
  const out = new Uint8Array(outW * outH * 4);
  const sx = c.width / outW;
  const sy = c.height / outH;
  for (let oy = 0; oy < outH; oy++) {
    const y0 = c.y + oy * sy;
    const y1 = y0 + sy;
    for (let ox = 0; ox < outW; ox++) {
      const x0 = c.x + ox * sx;
      const x1 = x0 + sx;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      let wsum = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        if (wy <= 0) continue;
        const row = y * src.width;
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const w = (Math.min(x + 1, x1) - Math.max(x, x0)) * wy;
          if (w <= 0) continue;
          const i = (row + x) * 4;
          r += src.data[i] * w;
          g += src.data[i + 1] * w;
          b += src.data[i + 2] * w;
          a += src.data[i + 3] * w;
          wsum += w;
        }
      }
      const o = (oy * outW + ox) * 4;
      // Transparent PNG areas become white, as on paper.
      const alpha = a / wsum / 255;
      out[o] = Math.round((r / wsum) * alpha + 255 * (1 - alpha));
      out[o + 1] = Math.round((g / wsum) * alpha + 255 * (1 - alpha));
      out[o + 2] = Math.round((b / wsum) * alpha + 255 * (1 - alpha));
      out[o + 3] = 255;
    }
  }
  return out;
}

/** The stored 3:4 JPEG for one photo. Quality steps down until it is under the target size. */
export function processPhoto(bytes: Uint8Array, fileName: string, crop: CropRect | undefined, defaultCropOf: (w: number, h: number) => CropRect): Buffer {
  const src = decode(bytes, fileName);
  const c = clampCrop(crop ?? defaultCropOf(src.width, src.height), src.width, src.height);
  // A small source is not enlarged past its own size.
  const scale = Math.min(1, c.width / PHOTO_OUT.width);
  const outW = Math.max(30, Math.round(PHOTO_OUT.width * scale));
  const outH = Math.round(outW * (PHOTO_OUT.height / PHOTO_OUT.width));
  const pixels = cropResize(src, c, outW, outH);
  for (const quality of [88, 80, 70, 60, 50, 40]) {
    const jpg = jpeg.encode({ width: outW, height: outH, data: pixels }, quality).data;
    if (jpg.length <= TARGET_BYTES || quality === 40) {
      if (jpg.length > LRMX_PHOTO_MAX_BYTES) throw new AppError('INVALID', `“${fileName}”压缩后仍超过审批表照片上限`);
      return Buffer.from(jpg.buffer, jpg.byteOffset, jpg.length);
    }
  }
  throw new Error('unreachable');
}
