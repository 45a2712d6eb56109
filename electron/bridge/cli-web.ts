/** `npm run web`: start browser mode and print the address to open. */
import { resolve } from 'node:path';
import { startBridge } from './server.js';

const rendererDir = resolve(process.env.CADRE_DESK_RENDERER ?? 'dist/renderer');
const bridge = await startBridge({ rendererDir, vaultPath: process.env.CADRE_DESK_VAULT, port: Number(process.env.CADRE_DESK_PORT ?? 0) });
console.log(`村干部培育管理（浏览器模式）已启动。请在本机浏览器打开：\n  ${bridge.openUrl}\n（地址含一次性访问令牌，仅本机可用；按 Ctrl+C 退出）`);
if (process.env.CADRE_DESK_READY_FILE) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.CADRE_DESK_READY_FILE, JSON.stringify({ url: bridge.openUrl, token: bridge.token, port: bridge.port }));
}
const stop = () => void bridge.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
