// `npm start`: open the Electron app; where its runtime is missing (e.g. offline install),
// say so and start browser mode instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Finds the Electron binary without `require('electron')`: that call tries to download the
 * runtime when it is missing, and this app makes no network calls on its own.
 */
function findElectron() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const bin = join(dir, 'dist', rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}
const electronPath = findElectron();

if (electronPath) {
  const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('未找到 Electron 运行时（离线安装时不会下载），改为启动浏览器模式。');
  console.log('Electron runtime not found; starting browser mode instead. (Online: `npx install-electron` fetches it.)');
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/bridge/cli-web.ts'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
