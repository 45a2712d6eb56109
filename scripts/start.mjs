// `npm start`: open the Electron app; where its runtime is missing (e.g. offline install),
// say so and start browser mode instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronPath = null;
try {
  electronPath = require('electron');
  if (typeof electronPath !== 'string' || !existsSync(electronPath)) electronPath = null;
} catch {
  electronPath = null;
}

if (electronPath) {
  const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('未找到 Electron 运行时（离线安装时不会下载），改为启动浏览器模式。');
  console.log('Electron runtime not found; starting browser mode instead.');
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/bridge/cli-web.ts'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
