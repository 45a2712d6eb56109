/**
 * The photos a town sends: several files from a folder, or a zip. Each file either comes through
 * with its bytes or is refused on its own with a Chinese reason; a zip that looks crafted (a zip
 * bomb, a password, damage) is refused as a whole.
 */
import { AppError } from '../../shared/contract/define.js';
import { extractEntry, isZipName, looksLikeZip, MAX_ZIP_BYTES, MAX_ZIP_ENTRIES, readCentralDirectory, ZIP_PATH_SEPARATOR } from '../lrmx/zipInput.js';
import { imageInfo, type ImageInfo } from './imageInfo.js';

const MB = 1024 * 1024;
/** A town's ID photo is tens of KB; a scan at most a few MB. Beyond this it is not a photo to store. */
export const MAX_PHOTO_BYTES = 20 * MB;
/** Pixels decoded at most (8000 × 6000); jpeg-js needs ~4 bytes a pixel. */
export const MAX_PHOTO_PIXELS = 48_000_000;
/** Everything a zip may unpack to. */
const MAX_UNPACKED = 1024 * MB;
/** Photos hardly compress (JPEG is already compressed): an entry that shrank a hundredfold is a bomb. */
const MAX_RATIO = 100;

export interface PhotoFile {
  fileName: string;
  bytes: Uint8Array;
  info: ImageInfo;
}
export interface RefusedFile {
  fileName: string;
  message: string;
}

const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;

/** One file's verdict: an image we can store, or why not. */
export function checkPhotoFile(fileName: string, bytes: Uint8Array, declaredSize = bytes.length): PhotoFile | RefusedFile {
  if (declaredSize > MAX_PHOTO_BYTES) return { fileName, message: `图片文件过大（${mb(declaredSize)}），单张照片不超过 ${MAX_PHOTO_BYTES / MB} MB，请先缩小后再导入` };
  const info = imageInfo(bytes);
  if (!info) return { fileName, message: '不是 JPEG 或 PNG 图片（按文件内容判断），未导入' };
  if (info.width < 30 || info.height < 40) return { fileName, message: `图片太小（${info.width} × ${info.height} 像素），看不清，未导入` };
  if (info.width * info.height > MAX_PHOTO_PIXELS) return { fileName, message: `图片像素过多（${info.width} × ${info.height}），超过 4800 万像素，请先缩小后再导入` };
  return { fileName, bytes, info };
}

export const isRefused = (f: PhotoFile | RefusedFile): f is RefusedFile => 'message' in f;

/** Files the operating system leaves in photo folders; skipped without a word. */
export function isLitterName(path: string): boolean {
  const base = path.split('/').pop() ?? '';
  return base === '' || path.split('/').includes('__MACOSX') || base.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(base);
}

/** The entries of a zip of photos. Throws (the whole zip refused) for a bomb, a password or damage. */
export function photosFromZip(zip: Uint8Array, zipName: string): Array<PhotoFile | RefusedFile> {
  if (zip.length > MAX_ZIP_BYTES) throw new AppError('INVALID', `压缩包“${zipName}”有 ${mb(zip.length)}，超过 ${MAX_ZIP_BYTES / MB} MB，请分成几个压缩包`);
  const entries = readCentralDirectory(zip, zipName).filter((e) => !isLitter(e.name));
  if (entries.length > MAX_ZIP_ENTRIES) throw new AppError('INVALID', `压缩包“${zipName}”中的文件超过 ${MAX_ZIP_ENTRIES} 个，请分成几个压缩包`);
  let total = 0;
  for (const e of entries) {
    e.name = e.name.replace(/\\/g, '/');
    total += e.size;
    if ((e.size > MB && e.size > e.compressedSize * MAX_RATIO) || total > MAX_UNPACKED) {
      throw new AppError('INVALID', `压缩包“${zipName}”解压后异常膨胀（“${e.name}”压缩后 ${mb(e.compressedSize)}，解压后声称 ${mb(e.size)}），可能是恶意构造的压缩包（zip 炸弹）；整个压缩包未导入`);
    }
    if (e.flags & 0x41) throw new AppError('INVALID', `压缩包有密码，请先解压后再导入：${zipName}`);
  }
  const out: Array<PhotoFile | RefusedFile> = [];
  for (const e of entries) {
    const fileName = `${zipName}${ZIP_PATH_SEPARATOR}${e.name}`;
    if (e.size > MAX_PHOTO_BYTES) {
      out.push(checkPhotoFile(fileName, new Uint8Array(0), e.size));
      continue;
    }
    if (e.method !== 0 && e.method !== 8) {
      out.push({ fileName, message: `压缩方式不受支持（${e.method}），请解压后选择文件夹导入` });
      continue;
    }
    out.push(checkPhotoFile(fileName, extractEntry(zip, e, zipName)));
  }
  return out;
}

function isLitter(name: string): boolean {
  return isLitterName(name.replace(/\\/g, '/'));
}

/** Files chosen in a folder (or given on the command line): zips opened, each file checked. */
export function gatherPhotos(files: Array<{ fileName: string; bytes: Uint8Array; size?: number }>): Array<PhotoFile | RefusedFile> {
  const out: Array<PhotoFile | RefusedFile> = [];
  for (const f of files) {
    if (isLitterName(f.fileName.replace(/\\/g, '/'))) continue;
    if (isZipName(f.fileName) || looksLikeZip(f.bytes)) {
      try {
        out.push(...photosFromZip(f.bytes, f.fileName));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        out.push({ fileName: f.fileName, message: e.message });
      }
    } else out.push(checkPhotoFile(f.fileName, f.bytes, f.size ?? f.bytes.length));
  }
  return out;
}
