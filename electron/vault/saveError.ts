/**
 * The message for a failed save, shared by the vault (vault.ts) and the worker that writes it
 * (workers/tasks.ts 'vault.write'). Kept out of vault.ts so the worker's task list does not
 * import the vault that sends it work (an import cycle).
 */
import { AppError } from '../../shared/contract/define.js';
import { ReplacedButNotSynced } from './atomicWrite.js';
import { diskProblemOf, diskProblemText } from './diskProblems.js';

/** A failed write, said so that an office user knows what to do; the vault file is unchanged. */
export function saveError(e: unknown, path: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const problem = diskProblemOf(e);
  const why =
    problem ? diskProblemText(problem)
    : code === 'ENOENT' ? '找不到档案库所在的文件夹（U 盘或网络盘是否已断开？）'
    : `${(e as Error)?.message ?? String(e)}`;
  if (e instanceof ReplacedButNotSynced) {
    return new AppError('IO', `保存后未能确认写入磁盘（${why}）：修改已写入档案库文件，但如果此刻断电可能丢失。请检查磁盘后再保存一次。（${path}）`);
  }
  return new AppError('IO', `保存失败：${why}。本次修改未保存，档案库文件保持修改前的状态。（${path}）`);
}
