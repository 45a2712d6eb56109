import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../shared/contract/define.js';
import { Session } from '../store/session.js';
import { OpenVault } from '../vault/vault.js';
import type { ParsedArgs } from './args.js';
import { readPassword } from './io.js';

/** The vault path argument, resolved; a clear message when it is missing. */
export function vaultPathArg(args: ParsedArgs): string {
  const p = args.positional[0];
  if (!p) throw new AppError('INVALID', '请指定档案库文件路径，例如：npm run cli -- verify D:\\档案\\cadre-desk.cdv');
  return resolve(p);
}

export function operatorArg(args: ParsedArgs): string {
  const op = typeof args.flags.operator === 'string' ? args.flags.operator.trim() : 'CLI';
  if (!op || op.length > 40) throw new AppError('INVALID', '操作人姓名应为 1–40 个字');
  return op;
}

export function intFlag(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const raw = args.flags[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new AppError('INVALID', `--${name} 应为 ${min} 到 ${max} 之间的整数`);
  return n;
}

/** A new password: from the environment, or typed twice on the terminal. */
export async function readNewPassword(envName: string, prompt = '设置密码：'): Promise<string> {
  const first = await readPassword(prompt, envName);
  if (!process.env[envName]) {
    const again = await readPassword('再次输入密码：', envName);
    if (again !== first) throw new AppError('INVALID', '两次输入的密码不一致');
  }
  if (first.length < 8) throw new AppError('INVALID', '密码至少 8 位');
  return first;
}

export function ensureNewVaultPath(path: string): void {
  if (existsSync(path)) throw new AppError('CONFLICT', `该位置已有档案库文件：${path}`);
  mkdirSync(dirname(path), { recursive: true });
}

/**
 * Opens the vault for writing, or fails with who holds it: the CLI never works on a vault that
 * an open app window could overwrite a moment later.
 */
export async function openWritable(path: string, password: string, operator: string): Promise<Session> {
  const vault = await OpenVault.open(path, password);
  if (vault.readOnly) {
    const h = vault.lockHolder;
    const why = vault.diskProblem ? vault.readOnlyMessage : undefined;
    vault.close();
    if (why) throw new AppError('READ_ONLY', `${why}（本命令需要写入档案库）`);
    throw new AppError('READ_ONLY', `档案库正被另一个程序使用（进程 ${h?.pid ?? '?'}，自 ${h?.since ?? '?'} 起），请先在该程序中锁定或关闭它`);
  }
  return new Session(vault, operator);
}
