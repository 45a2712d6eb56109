import { createInterface } from 'node:readline';
import { AppError } from '../../shared/contract/define.js';

/** Password from CADRE_DESK_PASSWORD, else asked on the terminal without echo. */
export async function readPassword(prompt = '档案库密码：', envName = 'CADRE_DESK_PASSWORD'): Promise<string> {
  const env = process.env[envName];
  if (env) return env;
  if (!process.stdin.isTTY) throw new AppError('INVALID', `请设置环境变量 ${envName} 或在终端中运行以输入密码`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = process.stdout as NodeJS.WriteStream & { _write?: unknown };
  process.stdout.write(prompt);
  const muted = (rl as unknown as { _writeToOutput: (s: string) => void });
  muted._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  out.write('\n');
  return answer;
}

/** Prints a result as JSON (with --json) or as readable Chinese text. */
export function report(json: boolean, value: unknown, text: string): void {
  console.log(json ? JSON.stringify(value) : text);
}
