/**
 * The 干部档案 list as the privileged side serves it: one window of rows at a time, sorted,
 * filtered and searched here, so opening the list and each keystroke cost the same at 2 000 and
 * 50 000 cadres (issue #20). What it keeps is per unlocked vault (the Session owns it):
 *
 * - a list row per cadre, remembered against the cadre object and its `updatedAt` (plus the
 *   villages' version and the day, which the row's village name and age depend on), so after an
 *   edit only the changed file's row is built again;
 * - the last sorted order per view and sort key, the last filtered list, and a search memory
 *   over it (typing on filters the previous result: shared/rules/searchMemory.ts).
 *
 * The unfiltered, unsorted, unsearched list — what opening the module shows — never builds the
 * other rows at all: it is the view's cadres in file order, and only the page asked for is built.
 */
import type { CadreRow } from '../../shared/contract/cadre.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import type { Village } from '../../shared/domain/village.js';
import { facetPredicate, hasFilters, sortRows, toListRows, type CadreFilters, type ListRow, type SortSpec } from '../../shared/rules/cadreList.js';
import { today } from '../../shared/rules/dates.js';
import { highestEducation } from '../../shared/rules/education.js';
import { formerCadreIds } from '../../shared/rules/postHistory.js';
import { createSearchMemory } from '../../shared/rules/searchMemory.js';
import type { SearchKeys } from './searchKeys.js';

export function toRow(c: Cadre, villages: Map<string, Village>, searchKeys: SearchKeys, former?: ReadonlySet<string>): CadreRow {
  const v = c.villageId ? villages.get(c.villageId) : undefined;
  return {
    id: c.id,
    name: c.name,
    sex: c.sex,
    birth: c.birth,
    idNumber: c.idNumber,
    phone: c.phone,
    ethnicity: c.ethnicity,
    politicalStatus: c.politicalStatus,
    education: highestEducation(c),
    villageId: c.villageId,
    villageName: v?.name ?? '',
    townCode: v?.townCode ?? '',
    villagePost: c.villagePost,
    postSince: c.postSince,
    tags: c.tags,
    ...(former?.has(c.id) ? { former: true as const } : {}),
    demo: c.demo,
    ...searchKeys.of(c.name),
  };
}

/**
 * Changes whenever anything a list row shows may have changed: the newest audit hash changes
 * with every audited save (and a restore); the newest updatedAt and the counts also catch a
 * change some module saved without an audit entry.
 */
export function listVersion(doc: VaultDocument): string {
  let newest = '';
  for (const c of doc.cadres) if (c.updatedAt > newest) newest = c.updatedAt;
  return [doc.audit.at(-1)?.hash ?? '', newest, doc.cadres.length, villagesVersion(doc)].join('|');
}

function villagesVersion(doc: VaultDocument): string {
  let newest = '';
  for (const v of doc.villages) if (v.updatedAt > newest) newest = v.updatedAt;
  return `${newest}#${doc.villages.length}`;
}

/** What the list shows: which files (在册 or 回收站), narrowed how, in what order. */
export interface ViewSpec {
  deleted: boolean;
  filters: CadreFilters;
  query: string;
  sort: SortSpec | null;
}

/** One view's rows, by position; built only where asked. */
export interface Listing {
  /** Rows after filters and search. */
  shown: number;
  /** All files in the view (在册 or 回收站), before filters and search. */
  total: number;
  rowAt(i: number): ListRow;
  version: string;
}

interface Built {
  row: ListRow;
  updatedAt: string;
  context: string;
  former: boolean;
}

export class CadreViews {
  private rowOf = new WeakMap<Cadre, Built>();
  private context = '';
  private villages = new Map<string, Village>();
  /** 历史任职干部: cadres whose every post is closed (issue 15), shown as such on their row. */
  private former: ReadonlySet<string> = new Set();
  private version = '';
  private doc: VaultDocument | null = null;
  /** Per deleted flag: the view's cadres in file order, and (once needed) all their rows. */
  private bases = new Map<boolean, { cadres: Cadre[]; all?: ListRow[] }>();
  private sorted = new Map<string, ListRow[]>();
  private narrowed: { key: string; rows: ListRow[]; memory: ReturnType<typeof createSearchMemory<ListRow>> } | null = null;

  constructor(private readonly searchKeys: SearchKeys) {}

  /** The rows of `spec` against `doc` as it is now. */
  listing(doc: VaultDocument, spec: ViewSpec): Listing {
    this.refresh(doc);
    const base = this.base(spec.deleted);
    const version = this.version;
    if (!spec.sort && !hasFilters(spec.filters) && !spec.query.trim()) {
      return { shown: base.cadres.length, total: base.cadres.length, rowAt: (i) => this.row(base.cadres[i]), version };
    }
    const rows = this.narrow(spec).memory.search(spec.query);
    return { shown: rows.length, total: base.cadres.length, rowAt: (i) => rows[i], version };
  }

  /** Every row of the view (sorted, before filters and search): where selected-but-hidden cadres are found. */
  sortedAll(doc: VaultDocument, spec: Pick<ViewSpec, 'deleted' | 'sort'>): Listing {
    return this.listing(doc, { deleted: spec.deleted, sort: spec.sort, filters: NONE, query: '' });
  }

  /** Builds every row of the 在册 view a slice at a time after an unlock, so the first search does not wait. */
  warm(docNow: () => VaultDocument, stillOpen: () => boolean, slice = 2000): Promise<void> {
    return new Promise((done) => {
      let i = 0;
      const step = () => {
        if (!stillOpen()) return done();
        this.refresh(docNow());
        const cadres = this.base(false).cadres;
        const end = Math.min(cadres.length, i + slice);
        for (; i < end; i++) this.row(cadres[i]);
        if (i < cadres.length) setImmediate(step);
        else done();
      };
      setImmediate(step);
    });
  }

  /** Drops what was derived from an older state of the document. Cheap when nothing changed. */
  private refresh(doc: VaultDocument): void {
    const version = listVersion(doc);
    const day = today();
    if (doc === this.doc && version === this.version && this.context.startsWith(day)) return;
    this.doc = doc;
    this.version = version;
    this.context = `${day}|${villagesVersion(doc)}`;
    this.villages = new Map(doc.villages.map((v) => [v.id, v]));
    this.former = formerCadreIds(doc.postRecords);
    this.bases.clear();
    this.sorted.clear();
    this.narrowed = null;
  }

  private base(deleted: boolean) {
    let b = this.bases.get(deleted);
    if (!b) {
      b = { cadres: this.doc!.cadres.filter((c) => !!c.deletedAt === deleted) };
      this.bases.set(deleted, b);
    }
    return b;
  }

  private row(c: Cadre): ListRow {
    const hit = this.rowOf.get(c);
    const former = this.former.has(c.id);
    if (hit && hit.updatedAt === c.updatedAt && hit.context === this.context && hit.former === former) return hit.row;
    const [row] = toListRows([toRow(c, this.villages, this.searchKeys, this.former)], this.context.slice(0, 10));
    this.rowOf.set(c, { row, updatedAt: c.updatedAt, context: this.context, former });
    return row;
  }

  private all(deleted: boolean): ListRow[] {
    const b = this.base(deleted);
    if (!b.all) b.all = b.cadres.map((c) => this.row(c));
    return b.all;
  }

  private narrow(spec: ViewSpec) {
    const sortKey = `${spec.deleted}|${spec.sort ? `${spec.sort.key}:${spec.sort.dir}` : ''}`;
    let sorted = this.sorted.get(sortKey);
    if (!sorted) {
      sorted = sortRows(this.all(spec.deleted), spec.sort);
      this.sorted.set(sortKey, sorted);
    }
    const key = `${sortKey}|${JSON.stringify(spec.filters)}`;
    if (this.narrowed?.key !== key) {
      const rows = hasFilters(spec.filters) ? sorted.filter(facetPredicate(spec.filters)) : sorted;
      this.narrowed = { key, rows, memory: createSearchMemory(rows) };
    }
    return this.narrowed;
  }
}

const NONE: CadreFilters = { towns: [], villages: [], posts: [], ageBands: [], sex: '', education: [], political: [], tags: [] };
