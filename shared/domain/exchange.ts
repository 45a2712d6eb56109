/**
 * 数据交换 between the district (区委组织部) and the 镇街 (issue 16): who this vault is, its keys, whom it
 * trusts, and what it sent and received. See electron/exchange/DESIGN.md.
 */
import { TOWNS, townName } from './towns.js';

/** 顺德区: the district office. Towns are named by their own codes (towns.ts). */
export const DISTRICT_CODE = '440606';

export const OFFICE_CODES = [DISTRICT_CODE, ...TOWNS.map((t) => t.code)] as [string, ...string[]];

export function isOfficeCode(code: string): boolean {
  return OFFICE_CODES.includes(code);
}

export function officeName(code: string | null | undefined): string {
  if (!code) return '（未设置）';
  if (code === DISTRICT_CODE) return '区委组织部';
  const t = townName(code);
  return t ? `${t}组织办` : `未知单位（${code}）`;
}

export interface ExchangeKeys {
  createdAt: string;
  /** SPKI / PKCS#8 DER, base64. */
  signPublic: string;
  signPrivate: string;
  boxPublic: string;
  boxPrivate: string;
}

export interface TrustedOffice {
  office: string;
  signPublic: string;
  boxPublic: string;
  fingerprint: string;
  addedAt: string;
  addedBy: string;
}

/** collection → record id → hash. */
export type Manifest = Record<string, Record<string, string>>;

export interface OutboxEntry {
  nextSeq: number;
  /** Highest sequence the receiver acknowledged with a receipt (0 = none). */
  acked: number;
  ackedAt?: string;
  ackedManifest: Manifest;
  /** Packages sent and not yet acknowledged. */
  pending: { seq: number; packageId: string; at: string; full: boolean; manifest: Manifest }[];
}

export interface InboxImport {
  seq: number;
  base: number;
  packageId: string;
  at: string;
  operator: string;
  batchId: string;
  undoneAt?: string;
  /** What undo needs: records created, records as they were before, landed hashes before. */
  undo: {
    created: Record<string, string[]>;
    replaced: Record<string, unknown[]>;
    landedBefore: Record<string, Record<string, string | null>>;
    /** Hash of each touched record right after landing: undo refuses when one was edited since. */
    after: Record<string, Record<string, string>>;
  };
}

export interface InboxEntry {
  imports: InboxImport[];
  /** collection → id → field hashes as last landed from this sender (the base of conflicts). */
  landed: Record<string, Record<string, string>>;
}

export interface ExchangeState {
  office: string | null;
  keys: ExchangeKeys | null;
  trusted: TrustedOffice[];
  outbox: Record<string, OutboxEntry>;
  inbox: Record<string, InboxEntry>;
}

export const emptyExchangeState = (): ExchangeState => ({ office: null, keys: null, trusted: [], outbox: {}, inbox: {} });

// ───────────── what the preview and the CLI show ─────────────

export interface FieldChange {
  field: string;
  before: string;
  after: string;
  /** The receiver changed this field too since the base. */
  conflict: boolean;
}

export type RecordStatus = 'new' | 'changed' | 'deleted';

export interface RecordChange {
  /** `collection/id`: what accept lists name. */
  key: string;
  collection: string;
  id: string;
  label: string;
  status: RecordStatus;
  fields: FieldChange[];
  conflict: boolean;
  /** Why this record cannot land (e.g. an ID number already on another file); never pre-selected. */
  blocked?: string;
}

export interface ExchangePreview {
  from: string;
  fromName: string;
  to: string;
  sequence: number;
  base: number;
  full: boolean;
  createdAt: string;
  changes: RecordChange[];
  /** Records in the package that match what this vault already holds. */
  unchanged: number;
}

export interface ExchangeImportResult {
  batchId: string;
  created: number;
  changed: number;
  deleted: number;
  declined: number;
  receipt: { fileName: string; base64: string };
}

export const COLLECTION_LABELS: Record<string, string> = {
  villages: '村（社区）',
  cadres: '干部档案',
  villagePairs: '村居结对',
  shadowBatches: '书记跟班期次',
  shadowPlacements: '书记跟班',
  experts: '智库专家',
  mentorPairs: '智库结对',
  crossPilots: '跨村任职岗位',
  crossCandidates: '跨村任职人选',
  settings: '设置',
};

export const collectionLabel = (c: string): string => COLLECTION_LABELS[c] ?? c;

/** The CLI's --json shape (issue 16): counts per collection, conflicts listed. */
export function previewSummary(p: ExchangePreview): {
  from: string;
  sequence: number;
  base: number;
  full: boolean;
  created: Record<string, number>;
  changed: Record<string, number>;
  deleted: Record<string, number>;
  conflicts: { collection: string; id: string; label: string; fields: string[] }[];
} {
  const count = (s: RecordStatus) => {
    const out: Record<string, number> = {};
    for (const c of p.changes) if (c.status === s) out[c.collection] = (out[c.collection] ?? 0) + 1;
    return out;
  };
  return {
    from: p.from,
    sequence: p.sequence,
    base: p.base,
    full: p.full,
    created: count('new'),
    changed: count('changed'),
    deleted: count('deleted'),
    conflicts: p.changes.filter((c) => c.conflict).map((c) => ({ collection: c.collection, id: c.id, label: c.label, fields: c.fields.filter((f) => f.conflict).map((f) => f.field) })),
  };
}
