/** `npm run web`: start browser mode and print the address to open. */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../vault/atomicWrite.js';
import { startBridge } from './server.js';

const rendererDir = resolve(process.env.CADRE_DESK_RENDERER ?? 'dist/renderer');
const bridge = await startBridge({ rendererDir, vaultPath: process.env.CADRE_DESK_VAULT, port: Number(process.env.CADRE_DESK_PORT ?? 0) });
// The token is good for every call until this program stops, so it is no "one-time" code:
// whoever has the address can use the app. Said plainly so nobody pastes it into a chat.
console.log(
  `村干部培育管理（浏览器模式）已启动。请在本机浏览器打开：\n  ${bridge.openUrl}\n` +
    '（地址含本次运行的访问令牌，在本程序关闭前一直有效，持有该地址即可操作档案库，请勿发给他人；仅本机可访问；按 Ctrl+C 退出）',
);
if (process.env.CADRE_DESK_READY_FILE) {
  // Holds the token: owner-only (0600), written whole or not at all.
  writeFileAtomic(process.env.CADRE_DESK_READY_FILE, Buffer.from(JSON.stringify({ url: bridge.openUrl, token: bridge.token, port: bridge.port })));
}
const stop = () => void bridge.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
