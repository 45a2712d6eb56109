/**
 * A second process for the password-change crash test (not shipped behaviour):
 *   <vault> <oldMasterHex> <oldPassword> <newPassword>
 * opens the vault with the known key, prints "ready", changes the password (re-encrypting the
 * backups) and prints "done". The test kills it with SIGKILL somewhere in between.
 */
import { readFileSync } from 'node:fs';
import { readHeader } from '../format.js';
import { OpenVault } from '../vault.js';

const [path, masterHex, oldPassword, newPassword] = process.argv.slice(2);
const file = readFileSync(path);
const vault = OpenVault.openWithKey(path, file, Buffer.from(masterHex, 'hex'), readHeader(file).header.kdf);
process.stdout.write('ready\n');
const report = await vault.changePassword(oldPassword, newPassword);
vault.close();
process.stdout.write(`done ${report.done}\n`);
