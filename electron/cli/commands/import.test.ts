import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../shared/domain/document.js';
import { OpenVault } from '../../vault/vault.js';
import { messyRosterBytes } from '../../../tests/fixtures/roster.js';
import { MALFORMED, XXE, fullCadre } from '../../../tests/fixtures/lrmx.js';
import { serializeLrmx } from '../../lrmx/lrmx.js';
import { buildLrmxZip } from '../../lrmx/exportMany.js';

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

describe('npm run cli -- import with 任免审批表 (.lrmx) files', () => {
  let lrmxVault: string;
  let folder: string;
  const good = fullCadre(11);
  const second = fullCadre(12);

  async function people(): Promise<{ name: string; techTitle: string }[]> {
    const v = await OpenVault.open(lrmxVault, PASSWORD);
    const out = v.doc.cadres.map((c) => ({ name: c.name, techTitle: c.techTitle }));
    v.close();
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  beforeAll(async () => {
    lrmxVault = join(dir, 'lrmx.cdv');
    (await OpenVault.create(lrmxVault, PASSWORD, emptyDocument())).close();
    folder = join(dir, '任免审批表');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a_陈志强11.lrmx'), serializeLrmx(good));
    writeFileSync(join(folder, 'b_损坏.lrmx'), MALFORMED);
    writeFileSync(join(folder, 'c_恶意.lrmx'), XXE);
    writeFileSync(join(folder, 'd_说明.txt'), '不是任免审批表，应被忽略');
    writeFileSync(join(dir, '陈志强12.LRMX'), serializeLrmx(second));
  });

  it('--dry-run on a folder reports each file and changes nothing', async () => {
    const r = await cli('import', lrmxVault, folder, '--dry-run', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ accepted: 1, created: 0, updated: 0, dryRun: true, warnings: [] });
    expect(out.batchId).toBeUndefined();
    expect(out.rejected.map((x: { file: string }) => x.file)).toEqual(['b_损坏.lrmx', 'c_恶意.lrmx']);
    expect(out.rejected[0].message).toContain('不是完整的 XML 文件');
    expect(out.rejected[1].message).toContain('含有 DTD 或实体声明');
    expect(await people()).toEqual([]);
  });

  it('imports a folder and a single file for real, as one batch each', async () => {
    const r = JSON.parse((await cli('import', lrmxVault, folder, '--json')).out);
    expect(r).toMatchObject({ accepted: 1, created: 1, updated: 0, dryRun: false });
    expect(r.rejected).toHaveLength(2);
    const single = await cli('import', lrmxVault, join(dir, '陈志强12.LRMX'));
    expect(single.code).toBe(0);
    expect(single.out).toContain('导入任免审批表“陈志强12.LRMX”：共 1 个文件，可导入 1 个（新建 1，更新 0），拒绝 0 个');
    expect((await people()).map((p) => p.name)).toEqual([good.name, second.name]);
    const v = await OpenVault.open(lrmxVault, PASSWORD);
    expect(v.doc.importBatches.map((b) => [b.kind, b.fileName, b.createdIds.length])).toEqual([
      ['lrmx', '任免审批表（3 个文件）', 1],
      ['lrmx', '陈志强12.LRMX', 1],
    ]);
    v.close();
  });

  it('leaves people already on file unless --update-existing', async () => {
    writeFileSync(join(folder, 'a_陈志强11.lrmx'), serializeLrmx({ ...good, techTitle: '高级农艺师' }));
    const skipped = JSON.parse((await cli('import', lrmxVault, folder, '--json')).out);
    expect(skipped.accepted).toBe(0);
    expect(skipped.warnings).toEqual([{ file: 'a_陈志强11.lrmx', message: `已有 ${good.name} 的档案，未覆盖；加 --update-existing 更新` }]);
    expect((await people()).find((p) => p.name === good.name)?.techTitle).toBe('农艺师');

    const updated = JSON.parse((await cli('import', lrmxVault, folder, '--update-existing', '--json')).out);
    expect(updated).toMatchObject({ accepted: 1, created: 0, updated: 1 });
    expect((await people()).find((p) => p.name === good.name)?.techTitle).toBe('高级农艺师');
  });

  it('exits 1 for a folder without .lrmx files or a missing file', async () => {
    const empty = join(dir, '空文件夹');
    mkdirSync(empty);
    const r = await cli('import', lrmxVault, empty, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.message).toBe('文件夹“空文件夹”中没有 .lrmx 任免审批表文件或其 .zip 压缩包');
    const missing = await cli('import', lrmxVault, join(dir, '没有.lrmx'), '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).error.message).toContain('无法读取');
  });
});

describe('npm run cli -- import with a .zip of 任免审批表 (as 批量导出 makes)', () => {
  let zipVault: string;
  const sent = [fullCadre(21), fullCadre(22), fullCadre(23)].map(
    (f, i) => ({ ...f, id: `c${i}`, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }),
  );
  const zip = buildLrmxZip(sent, [], { date: '2026.11.25', demo: false });

  beforeAll(async () => {
    zipVault = join(dir, 'zip.cdv');
    (await OpenVault.create(zipVault, PASSWORD, emptyDocument())).close();
    writeFileSync(join(dir, zip.fileName), zip.bytes);
    writeFileSync(join(dir, '损坏.zip'), 'PK\x03\x04 这不是完整的压缩包');
  });

  it('imports every .lrmx in the zip as one batch, naming each by its name in the zip', async () => {
    const dry = await cli('import', zipVault, join(dir, zip.fileName), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`检查（未写入）任免审批表“${zip.fileName}”：共 3 个文件，可导入 3 个，拒绝 0 个`);
    expect(dry.out).toContain(`跳过 ${zip.fileName} › 清单.csv：不是 .lrmx 任免审批表`);
    const r = JSON.parse((await cli('import', zipVault, join(dir, zip.fileName), '--json')).out);
    expect(r).toMatchObject({ accepted: 3, created: 3, files: 3, rejected: [], ignored: [`${zip.fileName} › 清单.csv`] });
    const v = await OpenVault.open(zipVault, PASSWORD);
    try {
      for (const c of sent) {
        const got = v.doc.cadres.find((x) => x.idNumber === c.idNumber);
        expect(got?.name).toBe(c.name);
        expect(got?.resume).toEqual(c.resume);
      }
      expect(v.doc.importBatches.map((b) => [b.fileName, b.createdIds.length])).toEqual([[zip.fileName, 3]]);
    } finally {
      v.close();
    }
  });

  it('refuses a damaged zip with a Chinese message and imports nothing', async () => {
    const r = await cli('import', zipVault, join(dir, '损坏.zip'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ accepted: 0, rejected: [{ file: '损坏.zip', message: '压缩包已损坏或不是 zip 文件：损坏.zip' }] });
  });
});
