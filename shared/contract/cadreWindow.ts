import { z } from 'zod';
import { method } from './define.js';
import { COLUMNS, NO_FILTERS, type ColumnKey, type ListRow } from '../rules/cadreList.js';

const names = z.array(z.string().max(100)).max(500);

/** What the 干部档案 list shows: 在册 or 回收站, the facet filters, the search text and the sort. */
export const cadreViewSchema = z.object({
  deleted: z.boolean().default(false),
  filters: z
    .object({
      towns: names,
      villages: names,
      posts: names,
      ageBands: names,
      sex: z.enum(['', '男', '女']),
      education: names,
      political: names,
      tags: names,
      serving: z.enum(['', '在任', '历史任职干部']).optional(),
    })
    .default(NO_FILTERS),
  query: z.string().max(200).default(''),
  sort: z
    .object({ key: z.enum(COLUMNS.map((c) => c.key) as [ColumnKey, ...ColumnKey[]]), dir: z.enum(['asc', 'desc']) })
    .nullable()
    .default(null),
});

/** At most this many rows per call: a screenful or two, not the list. */
const CADRE_WINDOW_MAX = 500;

export interface CadreWindow {
  /** The rows from `offset` on (fewer at the end of the list). */
  rows: ListRow[];
  offset: number;
  /** Rows after filters and search. */
  shown: number;
  /** Files in the view before filters and search. */
  total: number;
  /** Changes whenever a row may have changed (as cadre.listVersion). */
  version: string;
  /** Position of the `locate` id among the shown rows, or -1. */
  located: number;
}

export const cadreWindowContract = {
  /** One window of the 干部档案 list, sorted, filtered and searched (pinyin included) on the privileged side. */
  'cadre.window': method<CadreWindow>()(
    cadreViewSchema.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(0).max(CADRE_WINDOW_MAX).default(100),
      locate: z.string().max(100).optional(),
    }),
  ),
  /**
   * Ids and names of a whole view, in display order, for what acts on many rows at once
   * (select all, Shift+click ranges, 导出, 批量打印): `shown` = after filters and search,
   * `all` = the sorted view before them (where ticked but hidden cadres keep their place).
   */
  'cadre.windowIds': method<{ ids: string[]; names: string[]; version: string }>()(
    cadreViewSchema.extend({ scope: z.enum(['shown', 'all']).default('shown') }),
  ),
};
