/**
 * The CLI round trip the issue asks for: `print-rmb … out.docx` from a vault, read back with
 * `import … out.docx --dry-run --json`, matches its cadre with no differences; an edited file
 * is imported as one batch; a hostile file is refused with a Chinese message, vault untouched.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cadreInputSchema } from '../../../shared/domain/cadre.js';
import { emptyDocument } from '../../../shared/domain/document.js';
import { fullCadreInput } from '../../../tests/fixtures/print/fullCadre.js';
import { rmbDocx } from '../../docx/rmbDocx.js';
import { OpenVault } from '../../vault/vault.js';

const run = promisify(execFile);
const PASSWORD = 'cli-docx-test-password';
let dir: string;
let vaultPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-cli-docx-'));
  vaultPath = join(dir, 'v.cdv');
  const doc = emptyDocument();
  const now = new Date().toISOString();
  doc.cadres.push({ ...cadreInputSchema.parse(fullCadreInput()), id: 'c1', createdAt: now, updatedAt: now });
  (await OpenVault.create(vaultPath, PASSWORD, doc)).close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await run(resolve('node_modules/.bin/tsx'), ['electron/cli/main.ts', ...args], { env: { ...process.env, CADRE_DESK_PASSWORD: PASSWORD } });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

describe('npm run cli -- print-rmb … .docx and import … .docx', () => {
  it('print-rmb writes a Word file that import --dry-run matches to its cadre with no differences', async () => {
    const out = join(dir, '审批表.docx');
    const w = await cli('print-rmb', vaultPath, out, '--who=何志强', '--json');
    expect(w.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const r = await cli('import', vaultPath, out, '--dry-run', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.matched).toEqual([{ file: '审批表.docx', cadreId: 'c1', differences: [] }]);
    expect(report.accepted).toBe(0);
    expect(report.rejected).toEqual([]);
  }, 120_000);

  it('an edited file lists its differences, and without --dry-run updates the cadre as one batch', async () => {
    const v = await OpenVault.open(vaultPath, PASSWORD);
    const c = v.doc.cadres[0];
    v.close();
    const file = join(dir, '改过的.docx');
    writeFileSync(file, (await rmbDocx([{ ...c, appointmentReason: '经镇党委研究，拟推荐任逢简村党委书记。' }], { refDate: '2026.11', familyColumn: '出生年月', font: '宋体' })).bytes);
    const dry = JSON.parse((await cli('import', vaultPath, file, '--dry-run', '--json')).out);
    expect(dry.accepted).toBe(1);
    expect(dry.matched[0].differences).toEqual([{ field: '任免理由', stored: c.appointmentReason, file: '经镇党委研究，拟推荐任逢简村党委书记。' }]);
    const real = JSON.parse((await cli('import', vaultPath, file, '--json')).out);
    expect([real.updated, typeof real.batchId]).toEqual([1, 'string']);
    const after = await OpenVault.open(vaultPath, PASSWORD);
    expect(after.doc.cadres[0].appointmentReason).toBe('经镇党委研究，拟推荐任逢简村党委书记。');
    expect(after.doc.importBatches.at(-1)?.id).toBe(real.batchId);
    after.close();
  }, 120_000);

  it('a hostile .docx is refused with a Chinese message and the vault file is not touched', async () => {
    const file = join(dir, '恶意.docx');
    const xml = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="x"><w:body/></w:document>';
    writeFileSync(file, zipSync({ 'word/document.xml': strToU8(xml) }));
    const before = readFileSync(vaultPath);
    const r = await cli('import', vaultPath, file, '--json');
    const report = JSON.parse(r.out);
    expect(report.accepted).toBe(0);
    expect(report.rejected[0].message).toContain('DTD 或实体声明');
    expect(readFileSync(vaultPath).equals(before)).toBe(true);
  }, 120_000);
});
