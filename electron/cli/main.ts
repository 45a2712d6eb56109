/**
 * `npm run cli -- <command> <vault> [...] [--json]` — plain Node, no Electron.
 * Exit codes: 0 ok, 1 failure (message on stderr, or `{"error": …}` with --json), 2 usage.
 */
import { AppError } from '../../shared/contract/define.js';
import { parseArgs } from './args.js';
import { COMMANDS } from './commands/index.js';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const cmd = name ? COMMANDS[name] : undefined;
  if (!cmd) {
    console.error(`用法：npm run cli -- <命令> <档案库文件> [选项]\n命令：\n${Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(16)}${c.usage}`).join('\n')}`);
    return 2;
  }
  const args = parseArgs(rest);
  try {
    return await cmd.run(args);
  } catch (e) {
    const message = e instanceof AppError ? e.message : `出错：${(e as Error).message}`;
    if (args.json) console.log(JSON.stringify({ error: { code: e instanceof AppError ? e.code : 'INTERNAL', message } }));
    else console.error(message);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
