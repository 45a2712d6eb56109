import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../shared/domain/document.js';
import { OpenVault } from '../../vault/vault.js';
import { messyRosterBytes } from '../../../tests/fixtures/roster.js';

const run = promisify(execFile);
const PASSWORD = 'cli-test-password';
let dir: string;
let vaultPath: string;
let roster: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-cli-import-'));
  vaultPath = join(dir, 'v.cdv');
  const doc = emptyDocument();
  doc.villages.push({
    id: 'v1', name: '水藤村', townCode: '440606005', kind: '村', strength: '一般', weakLax: null, demonstration: null,
    redVillage: false, crossPilot: false, vitality: [], note: '', createdAt: '', updatedAt: '',
  });
  (await OpenVault.create(vaultPath, PASSWORD, doc)).close();
  roster = join(dir, '大良花名册.xlsx');
  writeFileSync(roster, messyRosterBytes());
});
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

async function cadreCount(): Promise<number> {
  const v = await OpenVault.open(vaultPath, PASSWORD);
  const n = v.doc.cadres.length;
  v.close();
  return n;
}

describe('npm run cli -- import', () => {
  it('--dry-run --json reports accepted, refused and warnings and changes nothing', async () => {
    const r = await cli('import', vaultPath, roster, '--dry-run', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.accepted).toBe(3);
    expect(out.rejected.map((x: { row: number; column: string }) => [x.row, x.column])).toEqual([
      [9, '公民身份号码'], [10, '姓名'], [11, '出生年月'], [12, '出生年月'], [13, '公民身份号码'], [14, '公民身份号码'], [15, '公民身份号码'],
    ]);
    expect(out.rejected[0].message).toContain('存成了数字');
    expect(out.warnings).toEqual([{ row: 7, column: '所在村（社区）', message: '在大良村居信息中找不到“不存在村”，已导入但未关联村（社区）；请先在村居信息中添加' }]);
    expect(await cadreCount()).toBe(0);
  });

  it('imports for real, and a second run finds everyone already on file', async () => {
    const r = await cli('import', vaultPath, roster, '--json');
    expect(JSON.parse(r.out)).toMatchObject({ accepted: 3, created: 3, dryRun: false });
    expect(await cadreCount()).toBe(3);
    const again = JSON.parse((await cli('import', vaultPath, roster, '--json')).out);
    expect(again.accepted).toBe(0);
    expect(again.warnings.filter((w: { message: string }) => w.message.includes('已有档案相同'))).toHaveLength(3);
    expect(await cadreCount()).toBe(3);
  });

  it('exits 1 with a Chinese message when the file cannot be read', async () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'this is not a workbook');
    const r = await cli('import', vaultPath, bad, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.message).toBe('“bad.xlsx”不是有效的 Excel 文件（可能已损坏，或只是改了扩展名）');
    const missing = await cli('import', vaultPath, join(dir, 'nope.xlsx'), '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).error.message).toContain('无法读取文件');
  });
});
