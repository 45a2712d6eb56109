/**
 * Import of a 书记跟班 batch roster (花名册): reuses the 花名册 importer's workbook reading,
 * table detection and cell rules, then matches each row to a cadre on file and a host of the
 * batch and runs the placement rules, earlier rows of the same file included. Rows with an
 * error are reported by Excel row number and not imported; the rest go in one save.
 */
import type { RosterImportResult, RosterImportRow } from '../../shared/contract/programs.js';
import { AppError } from '../../shared/contract/define.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { shadowPlacementInputSchema, type ShadowBatch, type ShadowPlacement } from '../../shared/domain/programs.js';
import { townName } from '../../shared/domain/towns.js';
import { parseDay } from '../../shared/rules/dates.js';
import { checkPlacement, hostLabel } from '../../shared/rules/programs.js';
import { readCell } from '../importer/cells.js';
import { normalizeHeader } from '../importer/fields.js';
import { detectTable, type DetectedTable } from '../importer/table.js';
import { readWorkbook, type Cell } from '../importer/workbook.js';
import { newId, nowIso, type Session } from '../store/session.js';
import { shadowContext, villageMap } from './programsCommon.js';

const HOST_HEADERS = new Set(['跟班单位', '跟班村(社区)', '跟班村', '跟班部门', '接收单位', '跟班地点'].map(normalizeHeader));
const START_HEADERS = new Set(['开始日期', '开始时间', '跟班开始日期', '跟班开始时间', '起始日期'].map(normalizeHeader));
const END_HEADERS = new Set(['结束日期', '结束时间', '跟班结束日期', '跟班结束时间', '截止日期'].map(normalizeHeader));
const GOAL_HEADERS = new Set(['跟班目标', '目标', '学习目标', '跟班任务'].map(normalizeHeader));

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

function columnsOf(table: DetectedTable) {
  const find = (test: (key: string, detected: string) => boolean) => table.columns.find((c) => test(normalizeHeader(c.header), c.detected))?.index;
  // A group or title cell merged above the header is prefixed to it ("…花名册开始日期"): match the tail.
  const named = (set: Set<string>) => (key: string) => [...set].some((h) => key === h || key.endsWith(h));
  return {
    name: find((_k, d) => d === 'name'),
    id: find((_k, d) => d === 'idNumber'),
    host: find(named(HOST_HEADERS)),
    start: find(named(START_HEADERS)),
    end: find(named(END_HEADERS)),
    goals: find(named(GOAL_HEADERS)),
  };
}

/** "水藤村", "杏坛水藤村", "杏坛镇水藤村", "大良组织" all name the same host. */
function hostMatcher(batch: ShadowBatch, doc: VaultDocument) {
  const villages = villageMap(doc);
  const names = new Map<string, string>();
  for (const h of batch.hosts) {
    const label = squash(hostLabel(h, villages));
    names.set(label, h.key);
    if (h.kind === '村（社区）') {
      const tn = townName(villages.get(h.villageId ?? '')?.townCode);
      if (tn) {
        names.set(`${tn}${label}`, h.key);
        names.set(`${tn}镇${label}`, h.key);
        names.set(`${tn}街道${label}`, h.key);
      }
    }
  }
  return (text: string) => names.get(squash(text));
}

function dateCell(cell: Cell | null | undefined, fallback: string, label: string): { ok: true; value: string } | { ok: false; message: string } {
  if (!cell) return { ok: true, value: fallback };
  const r = parseDay(typeof cell.v === 'number' ? cell.v : cell.text, label);
  return r.ok ? r : { ok: false, message: r.message };
}

export function importRoster(s: Session, batchId: string, fileName: string, bytes: Buffer): { result: RosterImportResult; accepted: ShadowPlacement[] } {
  const doc = s.doc;
  const batch = doc.shadowBatches.find((b) => b.id === batchId && !b.deletedAt);
  if (!batch) throw new AppError('NOT_FOUND', '找不到该跟班期次');
  const grids = readWorkbook(bytes, fileName);
  const found = grids.map((g) => ({ g, t: detectTable(g) })).find((x) => x.t && x.t.rows.length > 0);
  if (!found?.t) throw new AppError('INVALID', `“${fileName}”中没有找到花名册表格：表头应包含“姓名”或“身份证号码”`);
  const table = found.t;
  const col = columnsOf(table);
  if (col.name === undefined && col.id === undefined) throw new AppError('INVALID', '花名册缺少“姓名”和“身份证号码”列');
  if (col.host === undefined && batch.hosts.length > 1) {
    throw new AppError('INVALID', `花名册缺少“跟班单位”列；本期有 ${batch.hosts.length} 个跟班单位，需写明每人去哪个单位`);
  }

  const matchHost = hostMatcher(batch, doc);
  const villages = villageMap(doc);
  const hostList = batch.hosts.map((h) => hostLabel(h, villages)).join('、');
  const live = doc.cadres.filter((c) => !c.deletedAt);
  const ctx = shadowContext(doc);
  const accepted: ShadowPlacement[] = [];
  const rows: RosterImportRow[] = [];

  for (const row of table.rows) {
    const cell = (i: number | undefined) => (i === undefined ? null : row.cells[i] ?? null);
    const messages: string[] = [];
    const warnings: string[] = [];
    const nameText = cell(col.name) ? squash(cell(col.name)!.text) : '';
    let cadre = undefined as (typeof live)[number] | undefined;
    const idCell = cell(col.id);
    if (idCell) {
      const r = readCell('id', idCell);
      if (!r.ok) messages.push(`身份证号码：${r.message}`);
      else {
        cadre = live.find((c) => c.idNumber === r.value);
        if (!cadre) messages.push(`干部档案中没有身份证号码为 ${r.value} 的干部${nameText ? `（${nameText}）` : ''}，请先建档`);
        else if (nameText && nameText !== cadre.name) messages.push(`姓名“${nameText}”与档案中该身份证号码的姓名“${cadre.name}”不一致`);
      }
    } else if (nameText) {
      const same = live.filter((c) => c.name === nameText);
      if (same.length === 1) cadre = same[0];
      else if (same.length === 0) messages.push(`干部档案中没有“${nameText}”，请先建档`);
      else messages.push(`档案中有 ${same.length} 个“${nameText}”，请填写身份证号码以区分`);
    } else messages.push('姓名和身份证号码都为空');

    const hostText = cell(col.host)?.text ?? '';
    const hostKey = hostText ? matchHost(hostText) : batch.hosts.length === 1 ? batch.hosts[0].key : undefined;
    if (!hostKey) messages.push(hostText ? `跟班单位“${hostText}”不是本期的跟班单位（本期有：${hostList}）` : '跟班单位为空');

    const start = dateCell(cell(col.start), batch.start, '开始日期');
    const end = dateCell(cell(col.end), batch.end, '结束日期');
    if (!start.ok) messages.push(start.message);
    if (!end.ok) messages.push(end.message);
    const goals = cell(col.goals)?.text ?? '';

    if (!messages.length && cadre && hostKey && start.ok && end.ok) {
      const fields = shadowPlacementInputSchema.parse({ batchId, hostKey, cadreId: cadre.id, start: start.value, end: end.value, goals });
      const findings = checkPlacement(fields, batch, { ...ctx, placements: [...ctx.placements, ...accepted] });
      for (const f of findings) (f.level === 'error' ? messages : warnings).push(f.message);
      if (!messages.length) {
        const at = nowIso();
        accepted.push({ ...fields, id: newId(), createdAt: at, updatedAt: at });
      }
    }
    rows.push({
      excelRow: row.excelRow,
      name: cadre?.name ?? nameText,
      hostLabel: hostKey ? hostLabel(batch.hosts.find((h) => h.key === hostKey)!, villages) : hostText,
      start: start.ok ? start.value : '',
      end: end.ok ? end.value : '',
      level: messages.length ? 'error' : warnings.length ? 'warning' : 'ok',
      messages: [...messages, ...warnings].map((m) => `第 ${row.excelRow} 行：${m}`),
    });
  }
  return { result: { sheet: found.g.name, rows, importable: accepted.length, created: 0 }, accepted };
}

export async function commitRoster(s: Session, batch: ShadowBatch, fileName: string, accepted: ShadowPlacement[]): Promise<number> {
  if (!accepted.length) return 0;
  return s.mutate((doc, audit) => {
    const names = new Map(doc.cadres.map((c) => [c.id, c.name]));
    for (const p of accepted) {
      doc.shadowPlacements.push(p);
      audit({ action: 'shadowPlacements.create', entity: 'shadowPlacements', recordId: p.id, summary: `导入跟班花名册“${fileName}”：${names.get(p.cadreId) ?? ''}（${batch.name}）${p.start}–${p.end}`, after: p });
    }
    return accepted.length;
  });
}
