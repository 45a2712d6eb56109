import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/domain/document.js';
import { cadreInputSchema } from '../../shared/domain/cadre.js';
import { villageInputSchema } from '../../shared/domain/village.js';
import { FORMAT_VERSION, readHeader } from '../vault/format.js';
import { OpenVault, readVault } from '../vault/vault.js';
import { verifyAudit } from './audit.js';
import { migrate } from './migrations.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'cadre-migrate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('schemaVersion 1 fixture (first preview, frame format 1)', () => {
  it('opens with its password and migrates to the current schema', async () => {
    const path = join(work, 'v1.cdv');
    copyFileSync(join(fixtures, 'schema-v1.cdv'), path);
    const v = await OpenVault.open(path, 'Shunde-v1-fixture');
    const doc = v.doc;
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.settings.autoLockMinutes).toBe(15);
    expect(doc.settings.backupsToKeep).toBe(10);
    for (const k of ['importBatches', 'shadowBatches', 'shadowPlacements', 'experts', 'mentorPairs', 'villagePairs', 'crossPilots', 'crossCandidates'] as const) {
      expect(doc[k], k).toEqual([]);
    }
    const [cadre] = doc.cadres;
    expect(cadre.name).toBe('陈志强');
    expect(cadre.villagePost).toBe('党组织书记');
    expect('post' in cadre).toBe(false);
    // The migrated records satisfy today's schemas, so every feature can use them.
    expect(cadreInputSchema.safeParse(cadre).success).toBe(true);
    expect(villageInputSchema.safeParse(doc.villages[0]).success).toBe(true);
    // History from the old version is untouched and still verifies.
    expect(verifyAudit(doc.audit)).toMatchObject({ ok: true, entries: 3 });

    // The next save writes the current frame and schema; it reopens without migrating again.
    v.save();
    v.close();
    expect(readHeader(readFileSync(path)).aad.readUInt16BE(8)).toBe(FORMAT_VERSION);
    const again = await readVault(path, 'Shunde-v1-fixture');
    expect(again.doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(again.doc.cadres[0].villagePost).toBe('党组织书记');
  });
});

describe('frame format 2 fixture (release 0.1.0, document as UTF-8 JSON)', () => {
  it('opens, keeps every value, and is saved again in the packed form', async () => {
    const path = join(work, 'v2.cdv');
    copyFileSync(join(fixtures, 'format-v2.cdv'), path);
    const before = readFileSync(path);
    expect(readHeader(before).aad.readUInt16BE(8)).toBe(2);
    const v = await OpenVault.open(path, 'Shunde-v2-fixture');
    expect(v.doc.cadres.map((c) => c.name)).toEqual(['黄志明', '潘美', '黄俊志']);
    expect(v.doc.villages).toHaveLength(103);
    const hostile = '=HYPERLINK("http://x")<script>alert(1)</script>"\\\u2028';
    expect(v.doc.cadres[0].rewards).toBe(hostile);
    const asRead = JSON.stringify(v.doc);

    v.save();
    v.close();
    const after = readFileSync(path);
    expect(readHeader(after).aad.readUInt16BE(8)).toBe(FORMAT_VERSION);
    expect(FORMAT_VERSION).toBeGreaterThanOrEqual(3);
    // Same data, now stored packed: smaller than the JSON it replaced.
    expect(after.length).toBeLessThan(before.length);
    const again = await readVault(path, 'Shunde-v2-fixture');
    expect(JSON.stringify(again.doc)).toBe(asRead);
    expect(again.doc.cadres[0].rewards).toBe(hostile);
  });
});

describe('migrate', () => {
  it('refuses a document from a newer version with an upgrade message', () => {
    expect(() => migrate({ schemaVersion: SCHEMA_VERSION + 1 })).toThrow('请升级本程序');
  });
  it('refuses content that is not a document', () => {
    expect(() => migrate('hello')).toThrow('文件已损坏');
  });
});
