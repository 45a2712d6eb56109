import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { cadreInputSchema, type Cadre, type CadreFields } from '../../shared/domain/cadre.js';
import type { Village } from '../../shared/domain/village.js';
import { idCheckChar } from '../../shared/rules/idCard.js';
import { makeIdNumber } from '../demo/generate.js';
import { fullCadre } from '../../tests/fixtures/lrmx.js';
import { TEST_PASSWORD, useTestApp } from '../../tests/fixtures/testApp.js';
import { AppState } from '../handlers/appState.js';
import { browserPlatform } from '../platform/browser.js';
import { invoke } from '../handlers/router.js';
import { Session } from '../store/session.js';
import { OpenVault } from '../vault/vault.js';
import { MAX_LRMX_PER_ZIP, buildLrmxZip, lrmxFileName, safeStem } from './exportMany.js';
import { parseLrmx } from './lrmx.js';

const VILLAGE: Village = { id: 'v1', name: '水藤村', townCode: '440606005' } as Village;

function asCadre(f: CadreFields, id: string): Cadre {
  return { ...f, id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', villageId: VILLAGE.id };
}

/** Two valid IDs for men born 1975.03 that end in the same four characters: namesakes a suffix must tell apart. */
function idsWithSameTail(): [string, string] {
  const seen = new Map<string, string>();
  for (let day = 1; day <= 28; day++) {
    const id = makeIdNumber(1975, 3, day, true, 40);
    const prior = seen.get(id.slice(-4));
    if (prior) return [prior, id];
    seen.set(id.slice(-4), id);
  }
  throw new Error('no two IDs with the same last four characters');
}

/** General purpose flags of every local and central directory header, read from the raw bytes. */
function entryFlags(zip: Uint8Array): { local: Map<string, number>; central: Map<string, number>; madeOn: Set<number> } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const decoder = new TextDecoder();
  const local = new Map<string, number>();
  const central = new Map<string, number>();
  const madeOn = new Set<number>();
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const flags = view.getUint16(at + 6, true);
    const compressed = view.getUint32(at + 18, true);
    const nameLen = view.getUint16(at + 26, true);
    const extraLen = view.getUint16(at + 28, true);
    local.set(decoder.decode(zip.subarray(at + 30, at + 30 + nameLen)), flags);
    at += 30 + nameLen + extraLen + compressed;
  }
  while (view.getUint32(at, true) === 0x02014b50) {
    const flags = view.getUint16(at + 8, true);
    madeOn.add(view.getUint8(at + 5));
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    central.set(decoder.decode(zip.subarray(at + 46, at + 46 + nameLen)), flags);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return { local, central, madeOn };
}

describe('批量导出任免审批表 zip', () => {
  const [idA, idB] = idsWithSameTail();
  const tail = idA.slice(-4);
  const hostileId = makeIdNumber(1975, 3, 12, true, 77);
  const cadres = [
    asCadre(cadreInputSchema.parse({ ...fullCadre(), name: '李伟', idNumber: idA }), 'c1'),
    asCadre(cadreInputSchema.parse({ ...fullCadre(), name: '李伟', idNumber: idB, resume: [{ from: '2001.07', to: '', text: '龙江镇某村党委委员' }] }), 'c2'),
    // A name stored before names were checked: the export must still make a safe file name of it.
    asCadre({ ...cadreInputSchema.parse({ ...fullCadre(), idNumber: hostileId }), name: '王/伟:*?' }, 'c3'),
  ];
  const zip = buildLrmxZip(cadres, [VILLAGE], { date: '2026.11.25', demo: false });
  const files = unzipSync(zip.bytes);

  it('holds one .lrmx per cadre with safe, unique names, plus the 清单', () => {
    expect(zip.fileName).toBe('任免审批表_大良_2026.11.25_3人.zip');
    const expected = [`李伟_${tail}.lrmx`, `李伟_${tail}(2).lrmx`, `王_伟____${hostileId.slice(-4)}.lrmx`];
    expect(zip.entries).toEqual(expected);
    expect(Object.keys(files).sort()).toEqual([...expected, '清单.csv'].sort());
  });

  it('gives .lrmx files that re-import to the same 姓名, 身份证号码, 出生年月 and 简历', () => {
    cadres.slice(0, 2).forEach((c, i) => {
      const back = cadreInputSchema.parse(parseLrmx(Buffer.from(files[zip.entries[i]]), zip.entries[i]).data);
      expect(back.name).toBe(c.name);
      expect(back.idNumber).toBe(c.idNumber);
      expect(back.birth).toBe('1975.03');
      expect(back.resume).toEqual(c.resume);
    });
    // The stored name that is not a name is written out as it is, and refused on the way back in.
    const legacy = cadreInputSchema.safeParse(parseLrmx(Buffer.from(files[zip.entries[2]]), zip.entries[2]).data);
    expect(legacy.success ? '' : legacy.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'name: 姓名不能含有“/”；姓名只能由汉字、间隔号“·”，或外文字母和空格组成',
    ]);
  });

  it('lists 序号, 姓名, 身份证号码, 村（社区）, 文件名 in 清单.csv, UTF-8 with BOM', () => {
    const raw = files['清单.csv'];
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = Buffer.from(raw).toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      '序号,姓名,身份证号码,村（社区）,文件名',
      // The leading tab keeps Excel from turning the ID into 4.40606E+17.
      `1,李伟,\t${idA},水藤村,${zip.entries[0]}`,
      `2,李伟,\t${idB},水藤村,${zip.entries[1]}`,
      `3,王/伟:*?,\t${hostileId},水藤村,${zip.entries[2]}`,
    ]);
  });

  it('flags every entry name as UTF-8 (general purpose bit 11), in local and central headers', () => {
    const { local, central, madeOn } = entryFlags(zip.bytes);
    // Made on Unix: Info-ZIP unzip would run names of MS-DOS-made entries through code page 437.
    expect([...madeOn]).toEqual([3]);
    const names = [...zip.entries, '清单.csv'].sort();
    expect([...local.keys()].sort()).toEqual(names);
    expect([...central.keys()].sort()).toEqual(names);
    for (const name of names) {
      expect(local.get(name)! & 0x800, `local header of ${name}`).toBe(0x800);
      expect(central.get(name)! & 0x800, `central header of ${name}`).toBe(0x800);
    }
  });

  it('names a set spanning several 镇街 “全部” and marks demo data', () => {
    const other: Village = { id: 'v2', name: '细滘村', townCode: '440606006' } as Village;
    const mixed = [cadres[0], { ...cadres[2], villageId: other.id }];
    expect(buildLrmxZip(mixed, [VILLAGE, other], { date: '2026.11.25', demo: true }).fileName).toBe('示例_任免审批表_全部_2026.11.25_2人.zip');
  });
});

describe('file names inside the zip', () => {
  it('keeps names Windows accepts: no reserved characters, no trailing dot or space, at most 100 characters', () => {
    const used = new Map<string, number>();
    expect(lrmxFileName({ name: '陈. ', idNumber: '44060619750312001X' }, used)).toBe('陈_001X.lrmx');
    expect(safeStem('  ..张三. . ', 40)).toBe('张三');
    expect(safeStem('a\tb\u0000c|d', 40)).toBe('a_b_c_d');
    expect(safeStem('???', 40)).toBe('___');
    const long = safeStem('长'.repeat(300), 96);
    expect(Array.from(long)).toHaveLength(96);
  });

  it('treats names differing only in case as the same, as Windows does', () => {
    const used = new Map<string, number>();
    expect(lrmxFileName({ name: 'Li', idNumber: '44060619750312001X' }, used)).toBe('Li_001X.lrmx');
    expect(lrmxFileName({ name: 'LI', idNumber: '44060619750312001x' }, used)).toBe('LI_001x(2).lrmx');
    expect(lrmxFileName({ name: 'Li_001X(3)', idNumber: '' }, used)).toBe('Li_001X(3)_无证号.lrmx');
    expect(lrmxFileName({ name: 'li', idNumber: '44060619750312001X' }, used)).toBe('li_001X(3).lrmx');
  });
});

describe('lrmx.exportMany', () => {
  const t = useTestApp('lrmx-export-many-');
  const { call, fail } = t;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const v = await call('village.create', { data: { name: '水藤村', townCode: '440606005' } });
    for (const [key, name, day] of [['a', '陈志强', 3], ['b', '陈丽', 4], ['gone', '王建国', 5]] as const) {
      const first17 = `44060619750${3}${String(day).padStart(2, '0')}${key === 'b' ? '022' : '031'}`;
      const c = await call('cadre.create', {
        data: { ...fullCadre(), name, sex: key === 'b' ? '女' : '男', idNumber: first17 + idCheckChar(first17), villageId: v.id },
      });
      ids[key] = c.id;
    }
    await call('cadre.delete', { id: ids.gone });
  });

  it('returns the zip in list order and records the export in the audit trail', async () => {
    const auditBefore = t.app.requireSession().doc.audit.length;
    const r = await call('lrmx.exportMany', { ids: [ids.b, ids.a, ids.b] });
    expect(r.count).toBe(2);
    expect(r.fileName).toMatch(/^任免审批表_大良_\d{4}\.\d{2}\.\d{2}_2人\.zip$/);
    const files = unzipSync(new Uint8Array(Buffer.from(r.base64, 'base64')));
    const manifest = strFromU8(files['清单.csv']).split('\r\n').slice(1, 3).map((l) => l.split(',')[1]);
    expect(manifest).toEqual(['陈丽', '陈志强']);
    const entries = t.app.requireSession().doc.audit.slice(auditBefore);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'lrmx.exportMany', operator: '测试员', summary: `批量导出任免审批表 2 人：“${r.fileName}”`, after: { ids: [ids.b, ids.a] } });
  });

  it('refuses a file in the 回收站 or an unknown id, naming them, and writes no audit entry', async () => {
    const auditBefore = t.app.requireSession().doc.audit.length;
    expect((await fail('lrmx.exportMany', { ids: [ids.a, ids.gone] })).message).toMatch(/^以下档案在回收站中，不能导出：王建国（440606197503050[\dX]{3}）/);
    expect((await fail('lrmx.exportMany', { ids: [ids.a, 'no-such-id'] })).message).toContain('找不到以下档案（可能已被他人删除），请刷新列表后再导出：no-such-id');
    expect(t.app.requireSession().doc.audit.length).toBe(auditBefore);
  });

  it(`refuses more than ${MAX_LRMX_PER_ZIP} cadres in one zip, saying how many were asked for`, async () => {
    const many = Array.from({ length: MAX_LRMX_PER_ZIP + 1 }, (_, i) => `id-${i}`);
    expect((await fail('lrmx.exportMany', { ids: many })).message).toBe('一次最多导出 5000 人的任免审批表，当前选了 5001 人；请按镇街或村（社区）筛选后分批导出');
    expect((await fail('lrmx.exportMany', { ids: [] })).message).toBe('没有要导出的干部：当前列表为空');
  });

  it('still exports from a read-only window (vault open elsewhere), which cannot write the trail', async () => {
    const vault = await OpenVault.open(t.vaultPath, TEST_PASSWORD);
    const second = new AppState(browserPlatform(vault.path));
    try {
      expect(vault.readOnly).toBe(true);
      second.open(new Session(vault, '查看员'));
      const auditBefore = vault.doc.audit.length;
      const r = await invoke(second, 'lrmx.exportMany', { ids: [ids.a] });
      expect(r.ok).toBe(true);
      if (r.ok) expect((r.value as { count: number }).count).toBe(1);
      expect(vault.doc.audit.length).toBe(auditBefore);
    } finally {
      second.dispose();
    }
  });
});
