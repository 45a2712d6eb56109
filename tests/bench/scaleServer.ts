/**
 * The privileged side for the `scale` benchmark, in a process of its own so its memory and CPU
 * time are its own (as the Electron main process's would be): opens the vault from its file,
 * serves browser mode, prints {"url","openUrl","token"} on one line and waits to be killed.
 *   scaleServer.ts <vault> <rendererDir>     password in CADRE_DESK_PASSWORD
 */
import { startBridge } from '../../electron/bridge/server.js';
import { Session } from '../../electron/store/session.js';
import { OpenVault } from '../../electron/vault/vault.js';

const [vaultPath, rendererDir] = process.argv.slice(2);
const vault = await OpenVault.open(vaultPath, process.env.CADRE_DESK_PASSWORD ?? '');
const bridge = await startBridge({ rendererDir, vaultPath });
bridge.app.open(new Session(vault, '基准测试'));
process.stdout.write(`${JSON.stringify({ url: bridge.url, openUrl: bridge.openUrl, token: bridge.token })}\n`);
