/**
 * `npm run bench`: runs every `tests/bench/*.bench.ts` (or those named on the command line)
 * and prints one JSON object of figures per benchmark. Each module exports
 * `name: string` and `run()`, which returns the figures (or a promise of them).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const results: Record<string, unknown> = {};
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { name: string; run: () => Record<string, unknown> | Promise<Record<string, unknown>> };
  const started = Date.now();
  try {
    results[mod.name] = await mod.run();
  } catch (e) {
    results[mod.name] = { error: (e as Error).message };
  }
  console.error(`[bench] ${mod.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify({ [mod.name]: results[mod.name] }, null, 2));
}
