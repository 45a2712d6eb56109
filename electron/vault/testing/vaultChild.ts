/**
 * A second process for the vault tests (not shipped behaviour):
 *   hold <vault> <masterHex>       open the vault (taking its lock), print "held", wait to be killed
 *   saveLoop <vault> <masterHex>   open it, then save forever, printing "saved <n>" after each save
 *   saveLoopWorker <vault> <masterHex>   the same, each save done in a worker thread as the app does
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
} else if (mode === 'saveLoop' || mode === 'saveLoopWorker') {
  if (vault.readOnly) {
    process.stdout.write('readOnly\n');
    process.exit(3);
  }
  let n = Number(vault.doc.meta.createdAt.split('#')[1] ?? 0);
  const saveNext = async () => {
    n++;
    vault.doc.meta.createdAt = `crash#${n}`;
    vault.doc.importTemplates = [{ name: `round-${n}`, mapping: payloadFor(n) }];
    if (mode === 'saveLoopWorker') await vault.saveInBackground();
    else vault.save();
    process.stdout.write(`saved ${n}\n`);
  };
  // The first worker save also starts the worker thread (slow from source): get that done before
  // the kills are timed, or they would all land before any write began.
  if (mode === 'saveLoopWorker') await saveNext();
  process.stdout.write('ready\n');
  for (;;) await saveNext();
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
