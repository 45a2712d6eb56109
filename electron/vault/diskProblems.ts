/**
 * Why a folder cannot be written, in the words an office user can act on. The same few system
 * errors reach us from the lock file, temp files, renames, backups and fsync; each is said once
 * here so that the banner, a failed save and a failed backup all name the cause alike.
 */
export type DiskProblem = 'readOnlyDisk' | 'diskFull' | 'noPermission' | 'busy';

const BY_CODE: Record<string, DiskProblem> = {
  EROFS: 'readOnlyDisk',
  ENOSPC: 'diskFull',
  EDQUOT: 'diskFull',
  EACCES: 'noPermission',
  EPERM: 'noPermission',
  EBUSY: 'busy',
};

/** The short label shown in the read-only banner. */
export const DISK_PROBLEM_LABEL: Record<DiskProblem, string> = {
  readOnlyDisk: '只读磁盘',
  diskFull: '磁盘已满',
  noPermission: '无写入权限',
  busy: '文件被占用',
};

/** What it means and what to do. */
const EXPLANATION: Record<DiskProblem, string> = {
  readOnlyDisk: '档案库所在的磁盘不能写入（U 盘的写保护开关是否打开？）',
  diskFull: '档案库所在的磁盘没有剩余空间，请清理磁盘后再试',
  // On Windows EPERM/EACCES also come from a file that another program has open.
  noPermission: '没有写入该文件夹的权限（或文件正被其他程序占用）',
  busy: '文件正被其他程序或系统占用，请稍后再试',
};

/** Label and explanation, for messages that stand alone (a failed save, a CLI refusal). */
export function diskProblemText(problem: DiskProblem): string {
  return `${DISK_PROBLEM_LABEL[problem]}：${EXPLANATION[problem]}`;
}

export function diskProblemOf(e: unknown): DiskProblem | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code ? BY_CODE[code] : undefined;
}

/** The banner text for a vault opened read-only because its folder cannot be written. */
export function readOnlyDiskMessage(problem: DiskProblem): string {
  return `档案库以只读方式打开（${DISK_PROBLEM_LABEL[problem]}）：${EXPLANATION[problem]}。可以查看和打印，不能保存修改`;
}
