/**
 * A .zip of 任免审批表 as another office sends it (this app's 批量导出, or a folder zipped by
 * Windows Explorer / WinRAR / 7-Zip): its .lrmx entries, read in memory.
 *
 * A zip is hostile input, so the central directory is read first and every limit is checked
 * before a byte is inflated; inflating then stops as soon as an entry yields more than it declared.
 * fflate's unzipSync is not used for the reading itself: its filter sees neither the flag bits
 * (password, UTF-8 name) nor the raw name bytes, and given an output buffer it keeps inflating
 * past the end of it, so a lying size costs CPU time without bound. Its streaming Inflate is used.
 */
import { TextDecoder } from 'node:util';
import { Inflate } from 'fflate';
import { AppError } from '../../shared/contract/define.js';

export const MAX_ZIP_BYTES = 100 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 5000;
export const MAX_ENTRY_BYTES = 20 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 500 * 1024 * 1024;
/** How the report names a file inside a zip: `任免审批表_大良_2026.11.25_3人.zip › 李伟_1234.lrmx`. */
export const ZIP_PATH_SEPARATOR = ' › ';

export const isZipName = (name: string) => /\.zip$/i.test(name);
export const isLrmxName = (name: string) => /\.lrmx$/i.test(name);
/** Local file header signature: how a .zip renamed to something else is still known. */
export const looksLikeZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export interface ZipLrmxFiles {
  /** The .lrmx entries, named `<zip> › <path inside the zip>`, in the zip's order. */
  files: { fileName: string; bytes: Buffer }[];
  /** Other files in the zip (e.g. 清单.csv), by their path inside the zip; not imported. */
  skipped: string[];
}

export interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const MB = 1024 * 1024;

function corrupt(zipName: string, why?: string): AppError {
  return new AppError('INVALID', `压缩包已损坏或不是 zip 文件：${zipName}${why ? `（${why}）` : ''}`);
}

let gbk: TextDecoder | null | undefined;
/**
 * Entry names without the UTF-8 flag are whatever code page the zipping PC used: on a Chinese
 * Windows PC (Explorer before Windows 11, WinRAR, old 7-Zip) that is GBK. A name that is valid
 * UTF-8 is taken as UTF-8 (Linux and macOS zippers often omit the flag); anything else as GBK.
 */
export function decodeEntryName(raw: Uint8Array, flags: number): string {
  const utf8 = new TextDecoder('utf-8', { fatal: (flags & FLAG_UTF8) === 0 });
  try {
    return utf8.decode(raw);
  } catch {
    if (gbk === undefined) {
      try {
        gbk = new TextDecoder('gbk');
      } catch {
        gbk = null; // a Node built without full ICU: fall through to Latin-1 rather than fail the import
      }
    }
    return gbk ? gbk.decode(raw) : Array.from(raw, (b) => String.fromCharCode(b)).join('');
  }
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Info-ZIP Unicode Path extra field (0x7075), which WinRAR and 7-Zip add beside a GBK name. */
function unicodePathExtra(extra: Uint8Array, rawName: Uint8Array): string | undefined {
  const v = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = v.getUint16(at, true);
    const len = v.getUint16(at + 2, true);
    if (at + 4 + len > extra.length) return undefined;
    // The field carries the CRC of the name it translates; a stale one (name edited since) is ignored.
    if (id === 0x7075 && len >= 5 && extra[at + 4] === 1 && v.getUint32(at + 5, true) === crc32(rawName)) {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(extra.subarray(at + 9, at + 4 + len));
      } catch {
        return undefined;
      }
    }
    at += 4 + len;
  }
  return undefined;
}

/**
 * ZIP64 sizes (some zippers write them even for small files): the 0x0001 extra field holds, in
 * this order, each of size, compressed size and offset whose 32-bit field is 0xFFFFFFFF.
 */
function applyZip64Extra(e: CentralEntry, extra: Uint8Array): boolean {
  const v = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = v.getUint16(at, true);
    const len = v.getUint16(at + 2, true);
    if (at + 4 + len > extra.length) return false;
    if (id === 0x0001) {
      let p = at + 4;
      const next = (): number | undefined => {
        if (p + 8 > at + 4 + len) return undefined;
        const n = Number(v.getBigUint64(p, true));
        p += 8;
        return n;
      };
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (e[key] !== 0xffffffff) continue;
        const n = next();
        if (n === undefined) return false;
        e[key] = n;
      }
      return true;
    }
    at += 4 + len;
  }
  return false;
}

export function readCentralDirectory(zip: Uint8Array, zipName: string): CentralEntry[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record sits in the last 22 bytes plus a comment of at most 65 535 bytes.
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (v.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw corrupt(zipName);
  let count = v.getUint16(eocd + 10, true);
  let cdSize = v.getUint32(eocd + 12, true);
  let cdOffset = v.getUint32(eocd + 16, true);
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the real figures are in a record the locator just before the end record points to.
    if (eocd < 20 || v.getUint32(eocd - 20, true) !== ZIP64_LOCATOR) throw corrupt(zipName);
    const at = Number(v.getBigUint64(eocd - 12, true));
    if (at + 56 > eocd || v.getUint32(at, true) !== ZIP64_EOCD) throw corrupt(zipName);
    count = Number(v.getBigUint64(at + 32, true));
    cdSize = Number(v.getBigUint64(at + 40, true));
    cdOffset = Number(v.getBigUint64(at + 48, true));
    cdEnd = at;
  }
  if (count > MAX_ZIP_ENTRIES) throw tooManyEntries(zipName, count);
  if (cdOffset + cdSize > cdEnd) throw corrupt(zipName);
  const entries: CentralEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdEnd || v.getUint32(at, true) !== CENTRAL) throw corrupt(zipName);
    const flags = v.getUint16(at + 8, true);
    const nameLen = v.getUint16(at + 28, true);
    const extraLen = v.getUint16(at + 30, true);
    const commentLen = v.getUint16(at + 32, true);
    if (at + 46 + nameLen + extraLen + commentLen > cdEnd) throw corrupt(zipName);
    const rawName = zip.subarray(at + 46, at + 46 + nameLen);
    const extra = zip.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen);
    const entry: CentralEntry = {
      name: (flags & FLAG_UTF8 ? undefined : unicodePathExtra(extra, rawName)) ?? decodeEntryName(rawName, flags),
      flags,
      method: v.getUint16(at + 10, true),
      crc: v.getUint32(at + 16, true),
      compressedSize: v.getUint32(at + 20, true),
      size: v.getUint32(at + 24, true),
      localOffset: v.getUint32(at + 42, true),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      if (!applyZip64Extra(entry, extra)) throw corrupt(zipName, `“${entry.name}”`);
    }
    entries.push(entry);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function tooManyEntries(zipName: string, count: number): AppError {
  return new AppError('INVALID', `压缩包“${zipName}”中的文件有 ${count} 个，超过 ${MAX_ZIP_ENTRIES} 个，请分成几个压缩包导入`);
}

/** Folders, and the litter macOS and Windows leave behind (__MACOSX/, ._x, .DS_Store, Thumbs.db). */
function isLitter(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  return base === '' || parts.includes('__MACOSX') || base.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(base);
}

const INFLATE_CHUNK = 16 * 1024;

/**
 * Inflates in small input chunks and gives up as soon as the output passes `size`: one 16 KB
 * chunk can expand to at most ~16 MB, so a lying header cannot make this take memory or time.
 */
function inflateBounded(data: Uint8Array, size: number): Uint8Array | 'too-big' | 'truncated' {
  const out = new Uint8Array(size);
  let n = 0;
  let over = false;
  // On the final push fflate throws if the stream is cut short; a stream that ends early shows as n < size.
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (n + chunk.length > size) {
      over = true;
      return;
    }
    out.set(chunk, n);
    n += chunk.length;
  });
  for (let i = 0; i < data.length && !over; i += INFLATE_CHUNK) {
    inflater.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
  }
  if (over) return 'too-big';
  if (n !== size) return 'truncated';
  return out;
}

/**
 * The .lrmx files inside a zip. Refuses the whole zip (AppError with the message to show) when
 * it is too large, has too many or too large entries, is password protected or is damaged.
 */
export function lrmxFilesFromZip(zip: Uint8Array, zipName: string): ZipLrmxFiles {
  if (zip.length > MAX_ZIP_BYTES) {
    throw new AppError('INVALID', `压缩包“${zipName}”有 ${(zip.length / MB).toFixed(1)} MB，超过 ${MAX_ZIP_BYTES / MB} MB；请分成几个压缩包导入`);
  }
  const entries = readCentralDirectory(zip, zipName);
  const taken: CentralEntry[] = [];
  const skipped: string[] = [];
  let total = 0;
  for (const e of entries) {
    // Some Windows zippers write “\” between folders; the report shows “/” either way.
    e.name = e.name.replace(/\\/g, '/');
    if (isLitter(e.name)) continue;
    if (!isLrmxName(e.name)) {
      skipped.push(e.name);
      continue;
    }
    if (e.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) throw new AppError('INVALID', `压缩包有密码，请先解压后再导入：${zipName}`);
    if (e.size > MAX_ENTRY_BYTES) {
      throw new AppError('INVALID', `压缩包“${zipName}”中的“${e.name}”解压后有 ${(e.size / MB).toFixed(1)} MB，超过单个文件 ${MAX_ENTRY_BYTES / MB} MB 的上限，不是正常的任免审批表；整个压缩包未导入`);
    }
    total += e.size;
    if (total > MAX_TOTAL_BYTES) {
      throw new AppError('INVALID', `压缩包“${zipName}”解压后超过 ${MAX_TOTAL_BYTES / MB} MB；请分成几个压缩包导入`);
    }
    if (e.method !== 0 && e.method !== 8) {
      throw new AppError('INVALID', `压缩包“${zipName}”中的“${e.name}”用了本程序不支持的压缩方式（${e.method}）；请先解压，再选择其中的 .lrmx 文件导入`);
    }
    // Deflate never grows data by more than ~0.1 %; a larger entry is a crafted one.
    if (e.compressedSize > e.size + e.size / 500 + 1024) throw corrupt(zipName, `“${e.name}”的大小记录不符`);
    taken.push(e);
  }

  const files: ZipLrmxFiles['files'] = [];
  for (const e of taken) {
    const bytes = extractEntry(zip, e, zipName);
    files.push({ fileName: `${zipName}${ZIP_PATH_SEPARATOR}${e.name}`, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) });
  }
  return { files, skipped };
}

/**
 * One entry's bytes, its sizes already checked against the caller's limits: the local header's
 * flags checked again, inflated no further than the declared size, and the CRC verified.
 */
export function extractEntry(zip: Uint8Array, e: CentralEntry, zipName: string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = e.localOffset;
  if (at + 30 > zip.length || view.getUint32(at, true) !== LOCAL) throw corrupt(zipName, `“${e.name}”`);
  // The local header's own copy of the flags is what an unzipper acts on; check it as well.
  if (view.getUint16(at + 6, true) & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) throw new AppError('INVALID', `压缩包有密码，请先解压后再导入：${zipName}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + e.compressedSize > zip.length) throw corrupt(zipName, `“${e.name}”不完整`);
  const data = zip.subarray(start, start + e.compressedSize);
  let bytes: Uint8Array;
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw corrupt(zipName, `“${e.name}”的大小记录不符`);
    bytes = data;
  } else {
    let r: ReturnType<typeof inflateBounded>;
    try {
      r = inflateBounded(data, e.size);
    } catch {
      throw corrupt(zipName, `“${e.name}”无法解压`);
    }
    if (r === 'too-big') throw new AppError('INVALID', `压缩包“${zipName}”中的“${e.name}”解压后比记录的大小更大，可能是恶意构造的压缩包；整个压缩包未导入`);
    if (r === 'truncated') throw corrupt(zipName, `“${e.name}”不完整`);
    bytes = r;
  }
  if (crc32(bytes) !== e.crc) throw corrupt(zipName, `“${e.name}”校验失败`);
  return bytes;
}
