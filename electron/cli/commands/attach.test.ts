/** attach and verify as an operator runs them: separate node processes, password from the environment. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDemoDocument } from '../../demo/generate.js';
import { OpenVault } from '../../vault/vault.js';
import { filesDir } from '../../attachments/fileStore.js';
import { tinyPdf } from '../../attachments/testing/files.js';

const main = resolve('electron/cli/main.ts');
const dir = mkdtempSync(join(tmpdir(), 'cadre-cli-attach-'));
const vault = join(dir, 'vault.cdv');
const PW = 'Cli-attach-2026';
let people: { name: string; idNumber: string }[] = [];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, ['--import', 'tsx', main, ...args], { env: { ...process.env, CADRE_DESK_PASSWORD: PW }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    p.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    p.on('error', fail);
    p.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(async () => {
  const doc = buildDemoDocument({ cadres: 3, seed: 11 });
  people = doc.cadres.map((c) => ({ name: c.name, idNumber: c.idNumber }));
  (await OpenVault.create(vault, PW, doc)).close();
  writeFileSync(join(dir, '学历证书.pdf'), tinyPdf('diploma'));
  writeFileSync(join(dir, '考核表.pdf'), tinyPdf('assessment'));
  writeFileSync(join(dir, 'notes.txt'), 'just text');
});

it('attach adds a file for the cadre with that 身份证号, and refuses what is not a scan', async () => {
  const r = await cli(['attach', vault, people[0].idNumber, join(dir, '学历证书.pdf'), '--category', '学历学位职称', '--json']);
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, category: '学历学位职称', title: '学历证书', pages: 1 });
  const t = await cli(['attach', vault, people[1].idNumber, join(dir, '考核表.pdf')]);
  expect(t.stdout).toContain(`已为 ${people[1].name} 添加附件“考核表”（其他，1 页`);
  const bad = await cli(['attach', vault, people[1].idNumber, join(dir, 'notes.txt')]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('“notes.txt”不是 PDF、JPEG、PNG 或 TIFF 文件');
  const nobody = await cli(['attach', vault, '440606199901011238', join(dir, '考核表.pdf')]);
  expect(nobody.stderr).toContain('档案中没有身份证号为 440606199901011238 的干部');
});

it('verify names a damaged attachment by cadre and 材料名称, exits 1, and the rest still reads', async () => {
  const ok = JSON.parse((await cli(['verify', vault, '--json'])).stdout);
  expect(ok.attachments).toMatchObject({ checked: 2, problems: [] });
  const { doc } = await (async () => {
    const v = await OpenVault.open(vault, PW);
    const d = v.doc;
    v.close();
    return { doc: d };
  })();
  const victim = doc.attachments.find((a) => a.title === '考核表')!;
  const f = join(filesDir(vault), victim.id);
  const bytes = readFileSync(f);
  bytes[40] ^= 0x10;
  writeFileSync(f, bytes);
  const r = await cli(['verify', vault]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(`附件 ${people[1].name}`);
  expect(r.stdout).toContain('“考核表”已损坏');
  expect(r.stdout).toContain('干部：3 条'); // the vault itself opened
});

it('import-photos --dry-run --json lists matched, ambiguous and unmatched files and saves nothing; without it saves the matched', async () => {
  const { mkdirSync } = await import('node:fs');
  const { tinyPng } = await import('../../attachments/testing/files.js');
  const photos = join(dir, '照片');
  mkdirSync(photos);
  const twin = join(dir, 'twins.cdv');
  const doc = buildDemoDocument({ cadres: 3, seed: 12 });
  doc.cadres[1].name = '陈志强';
  doc.cadres[2].name = '陈志强';
  for (const c of doc.cadres) c.photo = '';
  (await OpenVault.create(twin, PW, doc)).close();
  writeFileSync(join(photos, `${doc.cadres[0].idNumber}.png`), tinyPng(60, 80));
  writeFileSync(join(photos, '陈志强.png'), tinyPng(60, 80));
  writeFileSync(join(photos, '王五.png'), tinyPng(60, 80));
  writeFileSync(join(photos, '说明.txt'), 'not a photo');
  const dry = await cli(['import-photos', twin, photos, '--dry-run', '--json']);
  expect(dry.stderr).toBe('');
  const out = JSON.parse(dry.stdout);
  expect(out.matched).toBe(1);
  expect(out.saved).toBe(0);
  expect(out.ambiguous).toHaveLength(1);
  expect(out.ambiguous[0].file).toBe('陈志强.png');
  expect(out.unmatched.map((u: { file: string }) => u.file)).toEqual(['王五.png']);
  expect(out.refused).toEqual([{ file: '说明.txt', message: '不是 JPEG 或 PNG 图片（按文件内容判断），未导入' }]);
  const real = JSON.parse((await cli(['import-photos', twin, photos, '--json'])).stdout);
  expect(real.saved).toBe(1);
  const v = await OpenVault.open(twin, PW);
  expect(v.doc.cadres[0].photo).not.toBe('');
  expect(v.doc.cadres[1].photo).toBe('');
  v.close();
});
