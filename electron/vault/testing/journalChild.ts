/**
 * A second process for the journal crash test (not shipped behaviour):
 *   journalLoop <vault> <masterHex>   open the vault, then make journaled changes forever (one
 *                                     village record each), printing "journaled <n>" once each is on disk
 * The test kills it with SIGKILL, as a power cut or a crash would.
 */
import { readFileSync } from 'node:fs';
import { Session } from '../../store/session.js';
import { readHeader } from '../format.js';
import { OpenVault } from '../vault.js';

const [mode, path, masterHex] = process.argv.slice(2);
const file = readFileSync(path);
const vault = OpenVault.openWithKey(path, file, Buffer.from(masterHex, 'hex'), readHeader(file).header.kdf);
if (mode !== 'journalLoop' || vault.readOnly) {
  process.stderr.write(`cannot run ${mode} (readOnly ${vault.readOnly})\n`);
  process.exit(2);
}
const session = new Session(vault, '崩溃测试');
let n = vault.doc.villages.length;
const next = async () => {
  n++;
  const record = { id: `v${n}`, name: `第${n}村`, townCode: '440606005', createdAt: 'x', updatedAt: 'x', note: 'x'.repeat(n % 7 === 0 ? 20_000 : 50) };
  await session.mutate(
    (doc, audit) => {
      doc.villages.push(record as never);
      audit({ action: 'villages.create', entity: 'villages', recordId: record.id, summary: record.name });
    },
    () => [{ op: 'put', collection: 'villages', record }],
  );
  process.stdout.write(`journaled ${n} ${vault.journaled}\n`);
};
// The first change after an unlock is a whole save (with its backup); the rest are journaled.
await next();
process.stdout.write('ready\n');
for (;;) await next();
