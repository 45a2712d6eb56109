import { z } from 'zod';
import { method, recordFields, recordPatch } from './define.js';
import { cadreInputSchema, type Cadre } from '../domain/cadre.js';

/** One row of the cadre list: enough to filter, sort and search without the full file. */
export interface CadreRow {
  id: string;
  name: string;
  sex: '男' | '女';
  birth: string;
  idNumber: string;
  phone: string;
  ethnicity: string;
  politicalStatus: string;
  education: string; // highest 学历 (全日制 or 在职)
  villageId?: string;
  villageName: string;
  townCode: string;
  villagePost?: string;
  postSince: string;
  tags: string[];
  /** Left every post (任职经历 all closed): a 历史任职干部, kept on file. */
  former?: true;
  demo?: boolean;
  /** Lower-case full pinyin without spaces, initials, and syllables spaced, for the search box. */
  pinyin: string;
  initials: string;
  syllables: string;
}

export const cadreContract = {
  'cadre.list': method<CadreRow[]>()(z.object({ deleted: z.boolean().default(false) })),
  /** Changes whenever anything that cadre.list shows may have changed. */
  'cadre.listVersion': method<{ version: string }>()(z.object({})),
  'cadre.get': method<Cadre>()(z.object({ id: z.string().min(1) })),
  /**
   * Input is validated with cadreInputSchema in the handler, so field errors come back per field.
   * `update` merges `data` over the stored file; a `null` value clears an optional field (villageId, villagePost).
   */
  'cadre.create': method<Cadre>()(z.object({ data: recordFields(cadreInputSchema) })),
  'cadre.update': method<Cadre>()(z.object({ id: z.string().min(1), data: recordPatch(cadreInputSchema) })),
  'cadre.delete': method<{ ok: true }>()(z.object({ id: z.string().min(1) })),
  'cadre.restore': method<Cadre>()(z.object({ id: z.string().min(1) })),
};
