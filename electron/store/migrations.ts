import { AppError } from '../../shared/contract/define.js';
import { emptyDocument, SCHEMA_VERSION, type VaultDocument } from '../../shared/domain/document.js';
import { defaultSettings } from '../../shared/domain/settings.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import { seedRecord } from '../../shared/rules/postHistory.js';

/**
 * Stored documents of every released schema version open in this build.
 * Version 1 (first preview) had no settings, no program collections, and kept 村 posts
 * as `post`; version 2 had one 村职务 + 任现职时间 per cadre and no post history (issue 15);
 * each step below lifts one version. Fixtures: electron/store/fixtures/.
 */
type Step = (doc: Record<string, unknown>) => Record<string, unknown>;

const steps: Record<number, Step> = {
  1: (doc) => {
    const base = emptyDocument(String((doc.meta as { createdAt?: string } | undefined)?.createdAt ?? new Date().toISOString()));
    const cadres = ((doc.cadres as Record<string, unknown>[]) ?? []).map(({ post, ...c }) => ({ ...c, villagePost: c.villagePost ?? post }));
    return { ...base, ...doc, cadres, settings: { ...defaultSettings(), ...((doc.settings) ?? {}) }, schemaVersion: 2 };
  },
  // Each file's 村职务 + 任现职时间 becomes its first 任职经历 record, still open; nothing on the file changes.
  2: (doc) => {
    const at = new Date().toISOString();
    const cadres = ((doc.cadres as Cadre[] | undefined) ?? []);
    const postRecords = cadres.flatMap((c) => seedRecord(c, `hist-${c.id}`, at) ?? []);
    return { ...doc, postRecords, villageTerms: doc.villageTerms ?? [], reminderMarks: doc.reminderMarks ?? [], schemaVersion: 3 };
  },
};

export function migrate(raw: unknown): VaultDocument {
  if (typeof raw !== 'object' || raw === null) throw new AppError('DAMAGED', '文件已损坏：内容不是档案库文档');
  let doc = raw as Record<string, unknown>;
  let v = Number(doc.schemaVersion ?? 1);
  if (v > SCHEMA_VERSION) {
    throw new AppError('CONFLICT', `该档案库由较新版本的程序保存（数据版本 ${v}），请升级本程序后再打开`);
  }
  while (v < SCHEMA_VERSION) {
    const step = steps[v];
    if (!step) throw new AppError('DAMAGED', `无法升级数据版本 ${v}`);
    doc = step(doc);
    v = Number(doc.schemaVersion);
  }
  // Fill collections added without a version bump, so older files never crash a feature.
  const base = emptyDocument();
  for (const k of Object.keys(base) as (keyof VaultDocument)[]) {
    if (doc[k] === undefined) doc[k] = base[k];
  }
  doc.settings = { ...defaultSettings(), ...(doc.settings as object) };
  return doc as unknown as VaultDocument;
}
