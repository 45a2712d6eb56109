import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyDocument } from '../../shared/domain/document.js';
import { postRecordInputSchema } from '../../shared/domain/terms.js';
import { currentPostFields, historyOf } from '../../shared/rules/postHistory.js';
import { OpenVault } from '../vault/vault.js';
import { migrate } from './migrations.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'cadre-migrate-terms-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('version 2 → 3: 村职务 + 任现职时间 become the first 任职经历 record', () => {
  it('seeds one open record per cadre with a post, and the file reads the same afterwards', () => {
    const v2 = {
      ...emptyDocument('2025-01-01T00:00:00.000Z'),
      schemaVersion: 2,
      cadres: [
        { id: 'a', name: '陈志强', villageId: 'v1', villagePost: '党组织书记', postSince: '2016.03' },
        { id: 'b', name: '何丽', villageId: 'v1', villagePost: '村委会委员', postSince: '' },
        { id: 'c', name: '潘美', postSince: '' },
      ],
    } as Record<string, unknown>;
    delete v2.postRecords;
    delete v2.villageTerms;
    delete v2.reminderMarks;
    const doc = migrate(v2);
    expect(doc.schemaVersion).toBe(3);
    expect(doc.postRecords.map((r) => [r.cadreId, r.villageId, r.post, r.start, r.end])).toEqual([
      ['a', 'v1', '党组织书记', '2016.03', ''],
      ['b', 'v1', '村委会委员', '', ''],
    ]);
    for (const r of doc.postRecords) expect(postRecordInputSchema.safeParse(r).success).toBe(true);
    expect(currentPostFields(historyOf(doc.postRecords, 'a'))).toEqual({ villageId: 'v1', villagePost: '党组织书记', postSince: '2016.03' });
    expect(doc.villageTerms).toEqual([]);
    expect(doc.settings.terms.termYears).toBe(5);
    // Opening again does not seed twice.
    expect(migrate(JSON.parse(JSON.stringify(doc))).postRecords).toHaveLength(2);
  });

  it('the first-preview fixture climbs both steps', async () => {
    const path = join(work, 'v1.cdv');
    copyFileSync(join(fixtures, 'schema-v1.cdv'), path);
    const v = await OpenVault.open(path, 'Shunde-v1-fixture');
    const [cadre] = v.doc.cadres;
    expect(v.doc.postRecords.map((r) => [r.cadreId, r.post, r.start])).toEqual([[cadre.id, '党组织书记', cadre.postSince]]);
    v.close();
  });
});
