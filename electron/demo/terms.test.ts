import { describe, expect, it } from 'vitest';
import { currentPostFields, historyOf, isFormer } from '../../shared/rules/postHistory.js';
import { REMINDER_KINDS, reminders } from '../../shared/rules/reminders.js';
import { buildDemoDocument } from './generate.js';

describe('示例 terms, history and reminders', () => {
  it.each(['2026.12.03', '2027.05.20'])('every reminder kind shows on a fresh 示例 vault loaded on %s', (on) => {
    const doc = buildDemoDocument({ cadres: 2000, seed: 20231, remindersOn: on });
    const found = reminders(doc, on, doc.settings);
    expect(new Set(found.map((r) => r.kind))).toEqual(new Set(REMINDER_KINDS));
    expect(new Set(found.map((r) => r.urgency))).toEqual(new Set(['已逾期', '30天内', '近期']));
  });

  it('history agrees with every file, and a few are 历史任职干部', () => {
    const doc = buildDemoDocument({ cadres: 2000, seed: 20231, remindersOn: '2026.12.03' });
    let former = 0;
    for (const c of doc.cadres) {
      const h = historyOf(doc.postRecords, c.id);
      if (isFormer(h)) former++;
      const f = currentPostFields(h);
      expect(f && [f.villageId, f.villagePost, f.postSince], c.name).toEqual([c.villageId, c.villagePost, c.postSince]);
    }
    expect(former).toBeGreaterThan(0);
    expect(doc.villageTerms.filter((t) => t.number === 7)).toHaveLength(doc.villages.length);
    const appointed = doc.crossPilots.find((p) => p.filled)!;
    expect(historyOf(doc.postRecords, appointed.filled!.cadreId).map((r) => [r.villageId === appointed.villageId, r.leaveReason])).toEqual([
      [false, '跨村任职'],
      [true, ''],
    ]);
  });
});
