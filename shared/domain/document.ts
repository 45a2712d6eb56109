import type { Attachment } from './attachment.js';
import type { AuditEntry } from './audit.js';
import type { Cadre } from './cadre.js';
import type { CrossCandidate, CrossPilot } from './crossPosting.js';
import { emptyExchangeState, type ExchangeState } from './exchange.js';
import type { Expert, MentorPair, ShadowBatch, ShadowPlacement, VillagePair } from './programs.js';
import { defaultSettings, type Settings } from './settings.js';
import type { PostRecord, ReminderMark, VillageTerm } from './terms.js';
import type { ReserveRecord } from './reserves.js';
import type { Village } from './village.js';

/** Bump when the stored shape changes; add a step in electron/store/migrations.ts. */
export const SCHEMA_VERSION = 3;

export interface ImportBatch {
  id: string;
  at: string;
  operator: string;
  /** xlsx / lrmx / roster create cadres; villages (村居名册) creates villages; photos (批量照片) only replaces cadres' photos; exchange lands a 数据交换包. */
  kind: 'xlsx' | 'lrmx' | 'roster' | 'villages' | 'exchange' | 'photos';
  fileName: string;
  /** Ids of the cadres (or, for kind villages, the villages) the batch created. */
  createdIds: string[];
  /** Cadres the batch overwrote, as they were, so undo can put them back. */
  replaced: Cadre[];
  /** Villages a 村居名册 batch overwrote, as they were. */
  replacedVillages?: Village[];
  undoneAt?: string;
}

export interface ImportTemplate {
  name: string;
  /** Normalized header text → field key. */
  mapping: Record<string, string>;
}

/** Everything in the vault: one JSON document, encrypted as a whole. */
export interface VaultDocument {
  schemaVersion: number;
  meta: { createdAt: string; demo: boolean };
  settings: Settings;
  villages: Village[];
  cadres: Cadre[];
  audit: AuditEntry[];
  importBatches: ImportBatch[];
  importTemplates: ImportTemplate[];
  shadowBatches: ShadowBatch[];
  shadowPlacements: ShadowPlacement[];
  experts: Expert[];
  mentorPairs: MentorPair[];
  villagePairs: VillagePair[];
  crossPilots: CrossPilot[];
  crossCandidates: CrossCandidate[];
  /** 数据交换: this office, its keys, trusted offices, packages sent and received (electron/exchange). */
  exchange: ExchangeState;
  /** 附件 catalogue; the encrypted files sit in `<vault>.files/` (electron/attachments/). */
  attachments: Attachment[];
  /**
   * Base64 root key of the attachment files, drawn once at the first attachment. Kept inside the
   * encrypted document so a password change re-keys nothing and every backup reads its own files.
   * Empty until then.
   */
  attachmentKey: string;
  /** 任职经历 of every cadre (issue 15); version 3 seeded it from each file's 村职务 + 任现职时间. */
  postRecords: PostRecord[];
  /** 届次 of each village. */
  villageTerms: VillageTerm[];
  /** 提醒 marked 已处理 / 暂缓, by reminder key. */
  reminderMarks: ReminderMark[];
  /** 后备干部 lifecycle, one record per cadre (added without a version bump: migrate fills it). */
  reserveRecords: ReserveRecord[];
}

export function emptyDocument(now = new Date().toISOString()): VaultDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: { createdAt: now, demo: false },
    settings: defaultSettings(),
    villages: [],
    cadres: [],
    audit: [],
    importBatches: [],
    importTemplates: [],
    shadowBatches: [],
    shadowPlacements: [],
    experts: [],
    mentorPairs: [],
    villagePairs: [],
    crossPilots: [],
    crossCandidates: [],
    exchange: emptyExchangeState(),
    attachments: [],
    attachmentKey: '',
    postRecords: [],
    villageTerms: [],
    reminderMarks: [],
    reserveRecords: [],
  };
}
