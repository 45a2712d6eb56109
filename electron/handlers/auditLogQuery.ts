/** Filtering the audit trail for the 操作日志 page and its export. */
import { AppError } from '../../shared/contract/define.js';
import type { AuditLogEntry, AuditFilter } from '../../shared/contract/audit.js';
import type { AuditEntry } from '../../shared/domain/audit.js';
import { auditBusiness } from '../../shared/domain/auditLabels.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { townName } from '../../shared/domain/towns.js';
import { parseDay } from '../../shared/rules/dates.js';

/** The instant a local day starts (or, with `next`, the one after it ends), as the trail stores times. */
function dayBound(input: string | undefined, field: 'from' | 'to', label: string, next: boolean): { day: string; iso: string } | undefined {
  if (!input) return undefined;
  const r = parseDay(input, label);
  if (!r.ok) throw new AppError('INVALID', r.message, { [field]: r.message });
  const [y, m, d] = r.value.split('.').map(Number);
  return { day: r.value, iso: new Date(y, m - 1, d + (next ? 1 : 0)).toISOString() };
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * The entries matching the filter, newest first. Days are the local calendar days of this PC,
 * the same days the page shows next to each entry.
 */
export function filterAudit(log: AuditEntry[], f: AuditFilter): AuditEntry[] {
  const from = dayBound(f.from, 'from', '起始日期', false);
  const to = dayBound(f.to, 'to', '截止日期', true);
  if (from && to && from.day > to.day) {
    throw new AppError('INVALID', `起始日期 ${from.day} 晚于截止日期 ${to.day}`, { from: '起始日期晚于截止日期' });
  }
  const words = fold(f.text ?? '').split(/[\s\u3000]+/).filter(Boolean);
  const out: AuditEntry[] = [];
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i];
    if (f.operator && e.operator !== f.operator) continue;
    if (f.business && auditBusiness(e) !== f.business) continue;
    // ISO times in UTC compare as text; the bounds are this PC's local midnights.
    if ((from && e.at < from.iso) || (to && e.at >= to.iso)) continue;
    if (words.length) {
      const hay = fold(`${e.summary} ${e.recordId}`);
      if (!words.every((w) => hay.includes(w))) continue;
    }
    out.push(e);
  }
  return out;
}

/** Operators in order of first appearance. */
export function auditOperators(log: AuditEntry[]): string[] {
  return [...new Set(log.map((e) => e.operator))];
}

/** Where the entry's record is shown in the app, if it still exists and has a page of its own. */
function linkOf(e: AuditEntry, doc: VaultDocument): string | undefined {
  const id = e.recordId;
  if (!id || e.action.startsWith('import.')) return undefined;
  const has = (list: { id: string }[]) => list.some((r) => r.id === id);
  switch (e.entity) {
    case 'cadres':
      return has(doc.cadres) ? `/cadres/${encodeURIComponent(id)}` : undefined;
    case 'villages':
      return has(doc.villages) ? `/villages/${encodeURIComponent(id)}` : undefined;
    case 'shadowBatches':
      return has(doc.shadowBatches) ? `/shadow/${id}` : undefined;
    case 'shadowPlacements': {
      const p = doc.shadowPlacements.find((x) => x.id === id);
      return p && doc.shadowBatches.some((b) => b.id === p.batchId) ? `/shadow/${p.batchId}` : undefined;
    }
    case 'crossPilots':
      return has(doc.crossPilots) ? `/cross/${id}` : undefined;
    case 'crossCandidates': {
      const c = doc.crossCandidates.find((x) => x.id === id);
      return c && doc.crossPilots.some((p) => p.id === c.pilotId) ? `/cross/${c.pilotId}` : undefined;
    }
    default:
      return undefined;
  }
}

export function toLogEntry(e: AuditEntry, doc: VaultDocument): AuditLogEntry {
  const { hash: _h, prevHash: _p, ...rest } = e;
  return { ...rest, business: auditBusiness(e), link: linkOf(e, doc) };
}

/** Fields of a before/after that hold another record's id, shown by that record's name. */
const REF_KEYS = new Set(['villageId', 'cadreId', 'helpedVillageId', 'partnerVillageId', 'expertIds', 'batchId']);

/** Names of the records the entries' changes point at, so a change reads "水藤村", not an id. */
export function referencedNames(entries: AuditEntry[], doc: VaultDocument): Record<string, string> {
  const wanted = new Set<string>();
  for (const e of entries) {
    for (const side of [e.before, e.after]) {
      if (!side || typeof side !== 'object') continue;
      for (const [k, v] of Object.entries(side)) {
        if (!REF_KEYS.has(k)) continue;
        for (const id of Array.isArray(v) ? v : [v]) if (typeof id === 'string' && id) wanted.add(id);
      }
    }
  }
  const names: Record<string, string> = {};
  if (wanted.size === 0) return names;
  const take = <T extends { id: string }>(list: T[], name: (r: T) => string) => {
    for (const r of list) if (wanted.has(r.id)) names[r.id] = name(r);
  };
  take(doc.cadres, (c) => c.name);
  take(doc.villages, (v) => `${townName(v.townCode)}${v.name}`);
  take(doc.experts, (x) => x.name);
  take(doc.shadowBatches, (b) => b.name);
  return names;
}
