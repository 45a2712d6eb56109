/**
 * The changes a 任职 / 离任 makes to the vault document: the history record(s), then the file's
 * 村职务 / 任现职时间 brought in line with the history, and optionally a 简历 line. Called inside
 * one Session.mutate, so the history, the file and their audit entries are saved together.
 */
import type { VillagePost } from '../../shared/domain/codes.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import type { LeaveReason, PostRecord } from '../../shared/domain/terms.js';
import { townName } from '../../shared/domain/towns.js';
import { currentPostFields, historyOf, isOpen, resumeTextFor } from '../../shared/rules/postHistory.js';
import type { AuditInput } from '../store/audit.js';
import { changedFields } from './records.js';

type Audit = (e: AuditInput) => void;
const FILE_FIELDS = ['villageId', 'villagePost', 'postSince', 'resume'] as const;
const snapshot = (c: Cadre) => structuredClone(Object.fromEntries(FILE_FIELDS.map((k) => [k, c[k]])));

export const villageLabel = (doc: Pick<VaultDocument, 'villages'>, id: string) => {
  const v = doc.villages.find((x) => x.id === id);
  return v ? `${townName(v.townCode)}${v.name}` : '（村（社区）已不存在）';
};

/** Brings the file's 村（社区）/ 村职务 / 任现职时间 in line with its history; audits what changed. */
export function syncCadreWithHistory(doc: VaultDocument, cadre: Cadre, at: string, audit: Audit, why: string, before = snapshot(cadre)): void {
  const fields = currentPostFields(historyOf(doc.postRecords, cadre.id));
  if (fields) {
    if (fields.villageId) cadre.villageId = fields.villageId;
    if (fields.villagePost) cadre.villagePost = fields.villagePost;
    else delete cadre.villagePost;
    cadre.postSince = fields.postSince;
  }
  const diff = changedFields(snapshot(cadre), before);
  if (Object.keys(diff).length === 0) return;
  cadre.updatedAt = at;
  audit({ action: 'cadres.update', entity: 'cadres', recordId: cadre.id, summary: `${why}：${cadre.name} 档案随任职经历更新`, before: changedFields(before, snapshot(cadre)), after: diff });
}

export interface AppointInput {
  villageId: string;
  post: VillagePost;
  start: string;
  basis: string;
  note: string;
}

/** A new 任职 record; with `appendResume`, a 简历 line "from … 至今". */
export function appoint(doc: VaultDocument, cadre: Cadre, input: AppointInput, opts: { id: string; at: string; audit: Audit; appendResume: boolean; demo?: boolean }): PostRecord {
  const before = snapshot(cadre);
  const record: PostRecord = {
    ...input,
    cadreId: cadre.id,
    end: '',
    leaveBasis: '',
    leaveReason: '',
    destination: '',
    ...(opts.demo ? { demo: true } : {}),
    id: opts.id,
    createdAt: opts.at,
    updatedAt: opts.at,
  };
  // A cadre who had no history yet: what the file said becomes the first record, so nothing is lost.
  if (historyOf(doc.postRecords, cadre.id).length === 0 && cadre.villageId && cadre.villagePost && !(cadre.villageId === input.villageId && cadre.villagePost === input.post)) {
    doc.postRecords.push({ ...record, id: `${opts.id}-prior`, villageId: cadre.villageId, post: cadre.villagePost, start: cadre.postSince, basis: '由原档案“村职务、任现职时间”生成', note: '' });
  }
  doc.postRecords.push(record);
  const label = `${villageLabel(doc, input.villageId)}${input.post}`;
  opts.audit({ action: 'postRecords.create', entity: 'postRecords', recordId: record.id, summary: `任职：${cadre.name} 任 ${label}（${input.start}）`, after: record });
  if (opts.appendResume) {
    const v = doc.villages.find((x) => x.id === input.villageId);
    cadre.resume = [...cadre.resume, { from: input.start.slice(0, 7), to: '', text: resumeTextFor(v?.name ?? '', input.post) }];
  }
  syncCadreWithHistory(doc, cadre, opts.at, opts.audit, '任职', before);
  return record;
}

export interface LeaveInput {
  end: string;
  leaveReason: LeaveReason;
  leaveBasis: string;
  destination: string;
}

/** Closes a 任职 record; with `closeResume`, the matching 简历 line still "至今" ends on the same month. */
export function leave(doc: VaultDocument, cadre: Cadre, record: PostRecord, input: LeaveInput, opts: { at: string; audit: Audit; closeResume: boolean }): PostRecord {
  const before = snapshot(cadre);
  const prior = { end: record.end, leaveReason: record.leaveReason, leaveBasis: record.leaveBasis, destination: record.destination };
  Object.assign(record, input, { updatedAt: opts.at });
  opts.audit({
    action: 'postRecords.update',
    entity: 'postRecords',
    recordId: record.id,
    summary: `离任：${cadre.name} 离任 ${villageLabel(doc, record.villageId)}${record.post}（${input.end}，${input.leaveReason}${input.destination ? `，去向：${input.destination}` : ''}）`,
    before: prior,
    after: input,
  });
  if (opts.closeResume) {
    const v = doc.villages.find((x) => x.id === record.villageId);
    const text = resumeTextFor(v?.name ?? '', record.post);
    const ym = input.end.slice(0, 7);
    cadre.resume = cadre.resume.map((l) => (l.to === '' && l.text.includes(text) ? { ...l, to: ym } : l));
  }
  syncCadreWithHistory(doc, cadre, opts.at, opts.audit, '离任', before);
  return record;
}

/**
 * 跨村任职 任命 writes history on both villages: every open post at home closes as 跨村任职 with
 * the target as 去向, and the post in the target village opens. The file's fields were already
 * set by appointmentChanges; the sync only confirms them. `prior` is the file before that.
 */
export function recordCrossAppointment(
  doc: VaultDocument,
  cadre: Cadre,
  prior: Pick<Cadre, 'villageId' | 'villagePost' | 'postSince'>,
  target: { villageId: string; post: VillagePost },
  date: string,
  opts: { id: string; at: string; audit: Audit },
): void {
  const history = historyOf(doc.postRecords, cadre.id);
  const destination = `${villageLabel(doc, target.villageId)}${target.post}（跨村任职）`;
  if (history.length === 0 && prior.villageId && prior.villagePost) {
    // No history yet: the post held until now (as the file said before 任命) is recorded first, then closed like any other.
    const seeded: PostRecord = { id: `${opts.id}-prior`, cadreId: cadre.id, villageId: prior.villageId, post: prior.villagePost, start: prior.postSince, end: '', basis: '由原档案“村职务、任现职时间”生成', leaveBasis: '', leaveReason: '', destination: '', note: '', createdAt: opts.at, updatedAt: opts.at };
    doc.postRecords.push(seeded);
    history.push(seeded);
  }
  for (const r of history.filter(isOpen)) {
    if (r.villageId === target.villageId) continue;
    const prior = { end: r.end, leaveReason: r.leaveReason, destination: r.destination };
    Object.assign(r, { end: date, leaveReason: '跨村任职', leaveBasis: '跨村任职任命', destination, updatedAt: opts.at });
    opts.audit({ action: 'postRecords.update', entity: 'postRecords', recordId: r.id, summary: `离任（跨村任职）：${cadre.name} 离任 ${villageLabel(doc, r.villageId)}${r.post}，去向 ${destination}`, before: prior, after: { end: date, leaveReason: '跨村任职', destination } });
  }
  const record: PostRecord = { id: opts.id, cadreId: cadre.id, villageId: target.villageId, post: target.post, start: date, end: '', basis: '跨村任职任命', leaveBasis: '', leaveReason: '', destination: '', note: '', createdAt: opts.at, updatedAt: opts.at };
  doc.postRecords.push(record);
  opts.audit({ action: 'postRecords.create', entity: 'postRecords', recordId: record.id, summary: `任职（跨村任职）：${cadre.name} 任 ${villageLabel(doc, target.villageId)}${target.post}（${date}）`, after: record });
  syncCadreWithHistory(doc, cadre, opts.at, opts.audit, '跨村任职任命');
}
