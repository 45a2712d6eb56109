/**
 * Paths that reach the privileged side from outside — typed into browser mode's path field, or
 * picked in a system dialog — are checked here before anything is opened or created:
 * a vault is a regular file below a size cap that starts with the vault's magic bytes, read
 * asynchronously with a timeout, so a FIFO, a device or a hung network drive cannot freeze the
 * process that answers the UI. Refusals are plain Chinese and never echo a system error.
 */
import { constants, mkdirSync, type Stats } from 'node:fs';
import { lstat, open, stat, type FileHandle } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { AppError } from '../../shared/contract/define.js';
import { standardVaultPath } from '../platform/platform.js';
import { MAGIC } from '../vault/format.js';

/** Far above any real vault (50 000 cadres with photos is a few hundred MB), far below what would exhaust memory. */
export const MAX_VAULT_BYTES = 1024 ** 3;
/**
 * Looking a path up, or opening it, takes milliseconds locally; a network share's first contact
 * can take a few seconds. Longer means a hung drive. (Devices, FIFOs and folders are refused
 * at once by their type, not by this timeout; other calls are answered meanwhile either way.)
 */
export const LOOKUP_TIMEOUT_MS = 5000;
/** Reading a 1 GB vault from a slow USB stick. */
export const READ_TIMEOUT_MS = 120_000;

const NOT_A_VAULT = '所选文件不是档案库文件';

function withTimeout<T>(p: Promise<T>, ms: number, message: string, onLate?: (value: T) => void): Promise<T> {
  let timer: NodeJS.Timeout;
  let timedOut = false;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new AppError('IO', message));
    }, ms);
  });
  p.then((v) => timedOut && onLate?.(v), () => undefined);
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** What a failed look-up means to the user; the system's own text (EISDIR, ENOENT…) is never shown. */
function lookupError(e: unknown, path: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('NO_VAULT', `找不到档案库文件：${path}`);
  if (code === 'EACCES' || code === 'EPERM') return new AppError('IO', '没有读取该文件的权限');
  if (code === 'ELOOP' || code === 'ENAMETOOLONG') return new AppError('INVALID', '路径无效');
  return new AppError('IO', '无法读取档案库文件（U 盘或网络盘是否已断开？）');
}

function requireVaultFileType(st: Stats): void {
  if (st.isDirectory()) throw new AppError('INVALID', '所选位置是文件夹，不是档案库文件');
  if (!st.isFile()) throw new AppError('INVALID', '所选位置不是普通文件（可能是设备或管道），不是档案库文件');
  if (st.size > MAX_VAULT_BYTES) throw new AppError('INVALID', `文件过大（超过 ${MAX_VAULT_BYTES / 1024 ** 3} GB），不是档案库文件`);
  if (st.size < MAGIC.length) throw new AppError('INVALID', NOT_A_VAULT);
}

/** A path from outside, made absolute; a relative one is refused rather than resolved against wherever the server runs. */
export function absoluteVaultPath(path: string): string {
  const trimmed = path.trim();
  if (!isAbsolute(trimmed)) throw new AppError('INVALID', '请填写档案库文件的完整路径（从盘符或根目录“/”开始）', { path: '请填写完整路径' });
  return resolve(trimmed);
}

/**
 * Reads a vault file that may come from anywhere: refuses in about a millisecond what is not a
 * regular file (checked again on the open handle, so a file swapped for a FIFO in between is
 * caught; the open itself never waits for a FIFO's writer), and anything that is not a vault.
 */
export async function readVaultFileSafely(path: string): Promise<Buffer> {
  return withVaultFile(path, async (fh) => {
    const bytes = await withTimeout(fh.readFile(), READ_TIMEOUT_MS, '读取档案库文件超时（U 盘或网络盘是否已断开？）').catch((e) => Promise.reject(lookupError(e, path)));
    if (bytes.length > MAX_VAULT_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new AppError('INVALID', NOT_A_VAULT);
    return bytes;
  });
}

/** The same checks, reading only the first bytes: for a file picked in a dialog, before it is used. */
export async function checkVaultFile(path: string): Promise<string> {
  return withVaultFile(path, async (fh) => {
    const head = Buffer.alloc(MAGIC.length);
    const { bytesRead } = await withTimeout(fh.read(head, 0, head.length, 0), LOOKUP_TIMEOUT_MS, '读取档案库文件超时（U 盘或网络盘是否已断开？）').catch((e) =>
      Promise.reject(lookupError(e, path)),
    );
    if (bytesRead < MAGIC.length || !head.equals(MAGIC)) throw new AppError('INVALID', NOT_A_VAULT);
    return path;
  });
}

async function withVaultFile<T>(path: string, use: (fh: FileHandle) => Promise<T>): Promise<T> {
  const timeout = '打开档案库文件超时（U 盘或网络盘是否已断开？）';
  requireVaultFileType(await withTimeout(stat(path), LOOKUP_TIMEOUT_MS, timeout).catch((e) => Promise.reject(lookupError(e, path))));
  // O_NONBLOCK: should the file have been swapped for a FIFO since the stat, the open does not wait for a writer.
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
  const fh = await withTimeout(open(path, flags), LOOKUP_TIMEOUT_MS, timeout, (late: FileHandle) => void late.close()).catch((e) => Promise.reject(lookupError(e, path)));
  try {
    requireVaultFileType(await fh.stat());
    return await use(fh);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Whether something is at `path`, without following a link and without waiting on a hung drive. */
async function occupied(path: string): Promise<boolean> {
  try {
    await withTimeout(lstat(path), LOOKUP_TIMEOUT_MS, '检查保存位置超时（U 盘或网络盘是否已断开？）');
    return true;
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw lookupError(e, path);
  }
}

/**
 * Checks where a new vault may go: a new `.cdv` file in a folder that already exists. No folder
 * is created for the page, except the app's own standard folder (`~/cadre-desk`), which a first
 * run on a fresh PC needs and which nobody outside chose.
 */
export async function checkNewVaultTarget(path: string): Promise<string> {
  if (extname(path).toLowerCase() !== '.cdv') throw new AppError('INVALID', '档案库文件名须以 .cdv 结尾', { path: '文件名须以 .cdv 结尾' });
  const folder = dirname(path);
  if (path === resolve(standardVaultPath()) && !(await occupied(folder))) {
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (e) {
      throw new AppError('IO', `无法创建档案库文件夹：${folder}`, { path: (e as NodeJS.ErrnoException).code === 'EACCES' ? '没有在此创建文件夹的权限' : '无法创建文件夹' });
    }
  }
  let st: Stats;
  try {
    st = await withTimeout(stat(folder), LOOKUP_TIMEOUT_MS, '检查保存位置超时（U 盘或网络盘是否已断开？）');
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('INVALID', `文件夹不存在：${folder}（请先建好文件夹再选择）`, { path: '文件夹不存在' });
    throw new AppError('IO', '无法访问所选文件夹', { path: '无法访问所选文件夹' });
  }
  if (!st.isDirectory()) throw new AppError('INVALID', `不是文件夹：${folder}`, { path: '所在位置不是文件夹' });
  if (await occupied(path)) throw new AppError('CONFLICT', `该位置已有同名文件：${path}，请换一个文件名`, { path: '已有同名文件' });
  return path;
}
