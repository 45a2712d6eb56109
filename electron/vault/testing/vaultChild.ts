/**
 * A second process for the vault tests (not shipped behaviour):
 *   hold <vault> <masterHex>       open the vault (taking its lock), print "held", wait to be killed
 *   saveLoop <vault> <masterHex>   open it, then save forever, printing "saved <n>" after each save
 * The tests kill it with SIGKILL, as a power cut or a crash would.
 */
import { readFileSync } from 'node:fs';
import { readHeader } from '../format.js';
import { OpenVault } from '../vault.js';
import { payloadFor } from './crashPayload.js';

const [mode, path, masterHex] = process.argv.slice(2);
const file = readFileSync(path);
const { header } = readHeader(file);
const vault = OpenVault.openWithKey(path, file, Buffer.from(masterHex, 'hex'), header.kdf);

if (mode === 'hold') {
  process.stdout.write(`held ${vault.readOnly ? 'readOnly' : 'writable'}\n`);
  setInterval(() => {}, 1000);
} else if (mode === 'saveLoop') {
  if (vault.readOnly) {
    process.stdout.write('readOnly\n');
    process.exit(3);
  }
  let n = Number(vault.doc.meta.createdAt.split('#')[1] ?? 0);
  process.stdout.write('ready\n');
  for (;;) {
    n++;
    vault.doc.meta.createdAt = `crash#${n}`;
    vault.doc.importTemplates = [{ name: `round-${n}`, mapping: payloadFor(n) }];
    vault.save();
    process.stdout.write(`saved ${n}\n`);
  }
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
