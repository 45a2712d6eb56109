import { homeContract } from '../../shared/contract/home.js';
import { dateKey, today } from '../../shared/rules/dates.js';
import { reservePool } from '../../shared/rules/reserves.js';
import type { HandlersFor } from './types.js';

export const homeHandlers: HandlersFor<typeof homeContract> = {
  'home.summary': ({ refDate }, app) => {
    const doc = app.requireSession().doc;
    const on = dateKey(refDate ?? today());
    const live = <T extends { deletedAt?: string }>(xs: T[]) => xs.filter((x) => !x.deletedAt);
    const cadres = live(doc.cadres);
    const villages = live(doc.villages);
    // Same rule as 结构分析: the lifecycle where a cadre has a record, else the post or tag.
    const pool = reservePool(doc.reserveRecords);
    const isReserve = (c: (typeof cadres)[number]) => (pool.tracked.has(c.id) ? pool.active.has(c.id) : c.villagePost === '后备干部' || c.tags.includes('后备'));
    return {
      cadres: cadres.length,
      reserves: cadres.filter(isReserve).length,
      villages: villages.length,
      weakLax: villages.filter((v) => v.weakLax?.status === '整顿中').length,
      demonstration: villages.filter((v) => v.demonstration !== null).length,
      // 在岗 counts what is running on the day, whatever status the user last set.
      activePlacements: live(doc.shadowPlacements).filter((p) => p.status !== '中止' && dateKey(p.start) <= on && on <= dateKey(p.end)).length,
      activeMentorPairs: live(doc.mentorPairs).filter((p) => p.status === '进行中').length,
      activeVillagePairs: live(doc.villagePairs).filter((p) => p.status === '进行中').length,
      // Newest first, without the before/after payloads the home page does not show.
      recent: doc.audit.slice(-8).reverse().map(({ before: _b, after: _a, ...e }) => e),
    };
  },
};
