/**
 * Unlock in a process that has done nothing else, as when the app has just started:
 * prints {"ms": …} for OpenVault.open + close of the vault named on the command line.
 * Spawned by vault.bench.ts; the password comes from CADRE_DESK_PASSWORD.
 */
import { OpenVault } from '../../electron/vault/vault.js';

const t = performance.now();
const v = await OpenVault.open(process.argv[2], process.env.CADRE_DESK_PASSWORD ?? '');
const ms = performance.now() - t;
const cadres = v.doc.cadres.length;
v.close();
console.log(JSON.stringify({ ms, cadres, heapMB: process.memoryUsage().heapUsed / 1e6 }));
