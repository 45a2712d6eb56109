/**
 * A second process for the disk tests (not shipped behaviour), run under another user id:
 *   open <vault> <password>   opens the vault, tries one change, prints what a user would see as JSON
 */
import { OpenVault } from '../vault.js';
import { Session } from '../../store/session.js';

const [mode, path, password] = process.argv.slice(2);
if (mode !== 'open') {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
const out: Record<string, unknown> = {};
try {
  const vault = await OpenVault.open(path, password);
  out.readOnly = vault.readOnly;
  out.diskProblem = vault.diskProblem ?? null;
  out.readOnlyMessage = vault.readOnly ? vault.readOnlyMessage : null;
  out.templates = vault.doc.importTemplates.map((t) => t.name);
  const session = new Session(vault, '测试');
  try {
    await session.mutate((doc) => {
      doc.importTemplates.push({ name: 'child-edit', mapping: {} });
    });
    out.saved = true;
  } catch (e) {
    out.saveError = (e as Error).message;
  }
  out.templatesAfter = session.doc.importTemplates.map((t) => t.name);
  vault.close();
} catch (e) {
  out.openError = `${(e as NodeJS.ErrnoException).code ?? ''} ${(e as Error).message}`;
}
process.stdout.write(JSON.stringify(out) + '\n');
