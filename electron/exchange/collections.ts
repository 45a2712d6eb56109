/**
 * THE table of what a package carries: collection → who owns it and which 镇街 a record concerns.
 * Adding a collection (terms #15, attachments #17) is one row here; everything else reads this table.
 * Rules: electron/exchange/DESIGN.md, "What each office owns".
 */
import type { VaultDocument } from '../../shared/domain/document.js';
import { cadreInputSchema } from '../../shared/domain/cadre.js';
import { settingsSchema } from '../../shared/domain/settings.js';
import { villageInputSchema } from '../../shared/domain/village.js';
import { postRecordInputSchema, villageTermInputSchema } from '../../shared/domain/terms.js';
import { reserveInputSchema } from '../../shared/domain/reserves.js';
import type { z } from 'zod';
import { scalarText } from '../../shared/rules/text.js';

/** What a rule may look up: the 镇街 of a village or of a cadre (through its village). */
export interface OwnerContext {
  villageTown(id: string | undefined): string | undefined;
  cadreTown(id: string | undefined): string | undefined;
}

export interface ExchangedRecord {
  id: string;
  createdAt?: string;
  updatedAt?: string;
  deletedAt?: string;
  [field: string]: unknown;
}

/** How the package code reads and writes one collection of the document. */
export interface CollectionAccess {
  list(doc: VaultDocument): ExchangedRecord[];
  /** Creates or replaces (by id). */
  put(doc: VaultDocument, record: ExchangedRecord): void;
  /** Removes a record undo found the batch had created. */
  remove(doc: VaultDocument, id: string): void;
}

export interface CollectionRule {
  /** town: each 镇街 sends its own; district: only the district sends (下发). */
  owner: 'town' | 'district';
  /** The 镇街 a record concerns; undefined = the whole district (or, for town-owned, not placed: not carried). */
  townOf: (r: ExchangedRecord, ctx: OwnerContext) => string | undefined;
  label: (r: ExchangedRecord) => string;
  access?: CollectionAccess;
  /** Checked on arrival: a record that would not pass the form is not landed (shown with the reason). */
  schema?: z.ZodType;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const wholeDistrict = (): undefined => undefined;

/** The settings the district decides for every town; the rest (auto-lock, backups, print) stay per PC. */
export const DISTRICT_SETTINGS = ['eligibility', 'workCalendar', 'youthAgeLimit', 'expertLoadLimit', 'villagePairTargets'] as const;

const settingsAccess: CollectionAccess = {
  list: (doc) => {
    const s = doc.settings as unknown as Record<string, unknown>;
    return [{ id: 'settings', ...Object.fromEntries(DISTRICT_SETTINGS.map((k) => [k, s[k]])) }];
  },
  put: (doc, r) => {
    const picked: Record<string, unknown> = Object.fromEntries(DISTRICT_SETTINGS.map((k): [string, unknown] => [k, r[k]]).filter(([, v]) => v !== undefined));
    doc.settings = settingsSchema.parse({ ...doc.settings, ...picked });
  },
  remove: () => undefined,
};

export const EXCHANGED_COLLECTIONS: Record<string, CollectionRule> = {
  villages: { owner: 'town', townOf: (v) => str(v.townCode), label: (v) => scalarText(v.name), schema: villageInputSchema },
  cadres: { owner: 'town', townOf: (c, x) => x.villageTown(str(c.villageId)), label: (c) => scalarText(c.name), schema: cadreInputSchema },
  villagePairs: { owner: 'town', townOf: (p, x) => x.villageTown(str(p.helpedVillageId)), label: (p) => `${scalarText(p.year)} 年结对 ${scalarText(p.partnerName)}`.trim() },
  shadowBatches: { owner: 'district', townOf: wholeDistrict, label: (b) => scalarText(b.name) },
  shadowPlacements: { owner: 'district', townOf: (p, x) => x.cadreTown(str(p.cadreId)), label: (p) => `跟班 ${scalarText(p.start)}–${scalarText(p.end)}` },
  experts: { owner: 'district', townOf: wholeDistrict, label: (e) => scalarText(e.name) },
  mentorPairs: { owner: 'district', townOf: (p, x) => (str(p.cadreId) ? x.cadreTown(str(p.cadreId)) : x.villageTown(str(p.villageId))), label: (p) => `结对 ${scalarText(p.start)}` },
  crossPilots: { owner: 'district', townOf: (p, x) => x.villageTown(str(p.villageId)), label: (p) => `岗位 ${scalarText(p.post)} ${scalarText(p.periodStart)}` },
  crossCandidates: { owner: 'district', townOf: (c, x) => x.cadreTown(str(c.cadreId)), label: (c) => `人选 ${scalarText(c.origin)}` },
  // 任期与换届 (#15): each 镇街 keeps its villages' 届次, its cadres' 任职经历 and its 后备干部库.
  postRecords: { owner: 'town', townOf: (p, x) => x.villageTown(str(p.villageId)), label: (p) => `任职 ${scalarText(p.post)} ${scalarText(p.start)}`.trim(), schema: postRecordInputSchema },
  villageTerms: { owner: 'town', townOf: (t, x) => x.villageTown(str(t.villageId)), label: (t) => `第 ${scalarText(t.number)} 届`, schema: villageTermInputSchema },
  reserveRecords: { owner: 'town', townOf: (r, x) => x.cadreTown(str(r.cadreId)), label: (r) => `后备 ${scalarText(r.stage)}`, schema: reserveInputSchema },
  settings: { owner: 'district', townOf: wholeDistrict, label: () => '跨村任职资格条件、法定节假日与调休等', access: settingsAccess },
};

function arrayAccess(name: string): CollectionAccess {
  const arr = (doc: VaultDocument) => {
    const d = doc as unknown as Record<string, ExchangedRecord[] | undefined>;
    if (!d[name]) d[name] = [];
    return d[name];
  };
  return {
    list: arr,
    put: (doc, r) => {
      const a = arr(doc);
      const i = a.findIndex((x) => x.id === r.id);
      if (i >= 0) a[i] = r;
      else a.push(r);
    },
    remove: (doc, id) => {
      const d = doc as unknown as Record<string, ExchangedRecord[]>;
      d[name] = arr(doc).filter((x) => x.id !== id);
    },
  };
}

export function accessOf(name: string): CollectionAccess {
  return EXCHANGED_COLLECTIONS[name]?.access ?? arrayAccess(name);
}

/** Village and cadre lookups over one document, optionally overlaid with a package's incoming records. */
export function ownerContext(doc: VaultDocument, incoming?: { villages?: ExchangedRecord[]; cadres?: ExchangedRecord[] }): OwnerContext {
  const villageTown = new Map<string, string>();
  for (const v of doc.villages) villageTown.set(v.id, v.townCode);
  for (const v of incoming?.villages ?? []) if (typeof v.townCode === 'string') villageTown.set(v.id, v.townCode);
  const cadreVillage = new Map<string, string | undefined>();
  for (const c of doc.cadres) cadreVillage.set(c.id, c.villageId);
  for (const c of incoming?.cadres ?? []) cadreVillage.set(c.id, str(c.villageId));
  return {
    villageTown: (id) => (id ? villageTown.get(id) : undefined),
    cadreTown: (id) => {
      const v = id ? cadreVillage.get(id) : undefined;
      return v ? villageTown.get(v) : undefined;
    },
  };
}
