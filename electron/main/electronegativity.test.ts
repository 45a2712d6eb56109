/**
 * electronegativity (Doyensec's Electron security scanner) over everything that configures the
 * shell: electron/main, the preload, the packaging config and hook, the page's CSP and
 * package.json. Any finding not in the reviewed allowlist fails `npm test`.
 * The scanner reads only .js/.ts/.html, so .cts/.cjs/.mjs files are staged under a .js name,
 * and its two network look-ups (translations, Electron release notes) are cut off: the test
 * runs offline and the version check is ours (package.json pins the newest 45.x).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface Finding {
  id: string;
  file: string;
  sample?: string;
  location: { line: number };
  severity: { name: string };
  description: string;
}
interface AllowEntry {
  id: string;
  file: string;
  match: string;
  why: string;
}

const allowlist = (JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity.allowlist.json'), 'utf8')) as { entries: AllowEntry[] }).entries;

function stage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'electroneg-'));
  cpSync('electron/main', join(dir, 'main'), { recursive: true, filter: (src) => !src.endsWith('.test.ts') && !src.endsWith('.json') });
  cpSync('electron/preload', join(dir, 'preload'), { recursive: true });
  cpSync('build', join(dir, 'build'), { recursive: true });
  cpSync('renderer/index.html', join(dir, 'index.html'));
  cpSync('package.json', join(dir, 'package.json'));
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(cts|cjs|mjs|mts)$/.test(name)) renameSync(p, `${p}.js`);
    }
  };
  walk(dir);
  return dir;
}

/** Answers every request the scanner would make with a failure, without touching the network. */
function cutNetwork(): void {
  const scanner = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = createRequire(join(scanner, 'dist', 'locales', 'i18n.js')).resolve('got');
  const refuse = () => Promise.reject(new Error('offline'));
  const fake = Object.assign(refuse, { head: refuse, get: refuse, default: refuse });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: fake } as unknown as NodeJS.Module;
}

let dir: string;
let findings: Finding[];
beforeAll(async () => {
  dir = stage();
  cutNetwork();
  const run = require('@doyensec/electronegativity/dist/runner.js') as (o: object, forCli: boolean) => Promise<{ issues: Finding[]; errors: unknown[] }>;
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron;
  const result = await run(
    { input: dir, output: null, isSarif: false, customScan: [], excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], isRelative: true, electronVersionOverride: version, parserPlugins: [] },
    false,
  );
  expect(result.errors).toEqual([]);
  findings = result.issues;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const allowedBy = (f: Finding) => allowlist.find((a) => a.id === f.id && a.file === f.file && (f.sample ?? '').includes(a.match));

describe('electronegativity', () => {
  it('scanned the shell, the preload and the build config', () => {
    expect(findings.length).toBeGreaterThan(0); // the version note always shows, so the scanner ran
    expect(new Set(findings.map((f) => f.file))).toContain('package.json');
  });

  it('finds nothing outside the reviewed allowlist', () => {
    const open = findings.filter((f) => !allowedBy(f)).map((f) => `${f.id} ${f.file}:${f.location.line} (${f.severity.name}) ${f.description} — ${(f.sample ?? '').slice(0, 120)}`);
    expect(open).toEqual([]);
  });

  it('every allowlist entry still matches a finding and says why', () => {
    for (const a of allowlist) {
      expect(a.why.length, `${a.id} ${a.file}`).toBeGreaterThan(20);
      expect(findings.some((f) => allowedBy(f) === a), `stale allowlist entry ${a.id} ${a.file}`).toBe(true);
    }
  });
});
