/**
 * 村（社区） roster import: the same sheet reading, header detection and row-level Chinese
 * messages as the 花名册, for village reference data. Preview changes nothing; commit takes
 * the previewed rows all or nothing in one save.
 */
import { AppError } from '../../shared/contract/define.js';
import type { ImportColumn, ImportDiff, ImportIssue, VillageData, VillageExistingRow, VillageImportPreview, VillageImportRow } from '../../shared/contract/import.js';
import type { ImportBatch } from '../../shared/domain/document.js';
import { townName } from '../../shared/domain/towns.js';
import { villageInputSchema, type Village } from '../../shared/domain/village.js';
import { changedFields } from '../handlers/records.js';
import { newId, nowIso, type Session } from '../store/session.js';
import { applyMapping } from './preview.js';
import { pickSheet } from './table.js';
import { VILLAGE_FIELDS, VILLAGE_FIELD_BY_KEY, VILLAGE_TABLE, readVillageCell } from './villageFields.js';
import type { Cell } from './workbook.js';

/** The district has ~200 villages; a sheet far longer than that is not a village roster. */
export const MAX_VILLAGE_ROWS = 5_000;

const squeeze = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '');
const keyOf = (townCode: string, name: string) => `${townCode}|${squeeze(name)}`;
const place = (townCode: string, name: string) => `${townName(townCode)}${name}`;

/** Fields the diff and the merge look at, with the label shown to the user. */
const COMPARED: [keyof VillageData, string][] = [
  ['kind', '类型'], ['strength', '战斗力'], ['weakLax', '软弱涣散'], ['demonstration', '示范村'],
  ['redVillage', '红色村'], ['crossPilot', '跨村任职试点'], ['note', '备注'],
];

function show(field: keyof VillageData, v: unknown): string {
  if (field === 'weakLax') {
    const w = v as VillageData['weakLax'];
    return w ? `${w.year}（${w.status}）` : '否';
  }
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v === null || v === undefined) return field === 'demonstration' ? '否' : '';
  return String(v);
}

function editable(v: Village): VillageData {
  const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...rest } = v;
  return rest;
}

interface RowOutcome {
  row: number;
  name: string;
  townCode?: string;
  data?: VillageData;
  current?: Village;
  errors: ImportIssue[];
}

export function previewVillages(
  bytes: Buffer,
  fileName: string,
  opts: { sheet?: string; mapping?: Record<string, string> },
  villages: Village[],
): VillageImportPreview {
  const { sheets, chooseSheet, sheet, table } = pickSheet(bytes, fileName, opts.sheet, VILLAGE_TABLE);
  const empty: VillageImportPreview = {
    fileName, sheets, sheet: '', chooseSheet: false, headerRow: 0, columns: [],
    fields: VILLAGE_FIELDS.map((f) => ({ key: f.key, label: f.label })), accepted: [], refused: [], existing: [],
  };
  if (chooseSheet) return { ...empty, chooseSheet: true };
  if (!table) return { ...empty, sheet };
  if (table.rows.length > MAX_VILLAGE_ROWS) {
    throw new AppError('INVALID', `工作表“${sheet}”有 ${table.rows.length} 行，不像是村（社区）名册（全区约 200 个村居），请检查后再导入`);
  }
  const columns = applyMapping(table, opts.mapping, (f) => VILLAGE_FIELD_BY_KEY.has(f));
  const live = new Map<string, Village>();
  for (const v of villages) if (!v.deletedAt) live.set(keyOf(v.townCode, v.name), v);
  const outcomes = table.rows.map((r) => readRow(r.excelRow, r.cells, columns, live));
  markDuplicates(outcomes, columns);

  const accepted: VillageImportRow[] = [];
  const existing: VillageExistingRow[] = [];
  const refused: VillageImportPreview['refused'] = [];
  for (const o of outcomes) {
    if (!o.data) refused.push({ row: o.row, name: o.name, issues: o.errors });
    else if (o.current) {
      const before = editable(o.current);
      const diffs: ImportDiff[] = COMPARED.filter(([k]) => JSON.stringify(before[k]) !== JSON.stringify(o.data![k])).map(([k, label]) => ({
        field: k, label, before: show(k, before[k]), after: show(k, o.data![k]),
      }));
      existing.push({ row: o.row, villageId: o.current.id, updatedAt: o.current.updatedAt, name: o.current.name, townCode: o.current.townCode, data: o.data, diffs });
    } else accepted.push({ row: o.row, data: o.data });
  }
  return { ...empty, sheet, headerRow: table.headerRow, columns, accepted, refused, existing };
}

const headerOf = (columns: ImportColumn[], field: string) =>
  columns.find((c) => c.field === field)?.header ?? VILLAGE_FIELD_BY_KEY.get(field)?.label ?? field;

/** Schema paths to the column that holds them. */
const COLUMN_OF: Record<string, string> = { townCode: 'town', 'weakLax.year': 'weakLaxYear', 'weakLax.status': 'weakLaxStatus' };

function readRow(row: number, cells: (Cell | null)[], columns: ImportColumn[], live: Map<string, Village>): RowOutcome {
  const values = new Map<string, string>();
  const errors: ImportIssue[] = [];
  const failed = new Set<string>();
  for (const col of columns) {
    const f = col.field ? VILLAGE_FIELD_BY_KEY.get(col.field) : undefined;
    const cell = cells[col.index];
    // A blank cell says nothing: for a village already on file it keeps what is there.
    if (!f || f.kind === 'ignore' || !cell || cell.text === '') continue;
    const r = readVillageCell(f, cell);
    if (r.ok) values.set(f.key, r.value);
    else {
      errors.push({ row, column: col.header, message: r.message });
      failed.add(f.key);
    }
  }
  const name = values.get('name') ?? '';
  const townCode = values.get('town');
  if (!name && !failed.has('name')) errors.push({ row, column: headerOf(columns, 'name'), message: '村（社区）名称不能为空' });
  if (!townCode && !failed.has('town')) errors.push({ row, column: headerOf(columns, 'town'), message: '镇街不能为空，请填写大良、容桂等' });
  if (errors.length || !townCode) return { row, name, townCode, errors };

  const current = live.get(keyOf(townCode, name));
  const base: Record<string, unknown> = current
    ? { ...editable(current) }
    : { name, townCode, kind: name.endsWith('社区') ? '社区' : '村' };
  if (values.has('kind')) base.kind = values.get('kind');
  if (values.has('strength')) base.strength = values.get('strength');
  if (values.has('note')) base.note = values.get('note');
  if (values.has('demonstration')) base.demonstration = values.get('demonstration') || null;
  for (const k of ['redVillage', 'crossPilot'] as const) if (values.has(k)) base[k] = values.get(k) === '是';
  const yearText = values.get('weakLaxYear');
  const statusText = values.get('weakLaxStatus');
  const stored = current?.weakLax ?? null;
  if (yearText === '') base.weakLax = null;
  else if (yearText !== undefined) {
    const [year, embedded] = yearText.split('|');
    // A village listed again in the same year keeps its 整顿 status unless the file gives one.
    const status = statusText ?? embedded ?? (stored && stored.year === Number(year) ? stored.status : '整顿中');
    base.weakLax = { year: Number(year), status };
  } else if (statusText !== undefined) {
    if (!stored) {
      errors.push({ row, column: headerOf(columns, 'weakLaxStatus'), message: `填写了整顿情况“${statusText}”，但没有软弱涣散年份；请在“软弱涣散年份”列写明列入年份` });
      return { row, name, townCode, errors };
    }
    base.weakLax = { ...stored, status: statusText };
  }
  const parsed = villageInputSchema.safeParse(base);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      errors.push({ row, column: headerOf(columns, COLUMN_OF[path] ?? String(issue.path[0])), message: issue.message });
    }
    return { row, name, townCode, errors };
  }
  return { row, name, townCode, data: parsed.data, current, errors };
}

/** The same village twice in one file: we cannot tell which row is right, so both are refused. */
function markDuplicates(outcomes: RowOutcome[], columns: ImportColumn[]): void {
  const byKey = new Map<string, RowOutcome[]>();
  for (const o of outcomes) {
    if (!o.data || !o.townCode) continue;
    const k = keyOf(o.townCode, o.name);
    byKey.set(k, [...(byKey.get(k) ?? []), o]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const o of group) {
      const others = group.filter((x) => x !== o).map((x) => x.row).join('、');
      o.errors.push({ row: o.row, column: headerOf(columns, 'name'), message: `与第 ${others} 行是同一个村（社区）（${place(o.townCode!, o.name)}），请核对后只留一行` });
      o.data = undefined;
    }
  }
}

function validRow(row: number, data: unknown): VillageData {
  const r = villageInputSchema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new AppError('INVALID', `第 ${row} 行：${issue.message}，本批未导入任何村（社区）`);
}

export async function commitVillages(
  session: Session,
  input: { fileName: string; create: { row: number; data: unknown }[]; update: { row: number; villageId: string; updatedAt: string; data: unknown }[] },
): Promise<{ batchId: string; created: number; updated: number }> {
  if (input.create.length + input.update.length === 0) throw new AppError('INVALID', '没有可导入的村（社区）');
  const doc = session.doc;
  const live = new Map<string, Village>();
  for (const v of doc.villages) if (!v.deletedAt) live.set(keyOf(v.townCode, v.name), v);
  const seen = new Map<string, number>();
  const creates = input.create.map((x) => {
    const data = validRow(x.row, x.data);
    const k = keyOf(data.townCode, data.name);
    if (live.has(k)) throw new AppError('CONFLICT', `第 ${x.row} 行：${place(data.townCode, data.name)}已在村居信息中，请重新预览后再导入`);
    const prev = seen.get(k);
    if (prev !== undefined) throw new AppError('CONFLICT', `第 ${x.row} 行与第 ${prev} 行是同一个村（社区），本批未导入任何村（社区）`);
    seen.set(k, x.row);
    return { row: x.row, data };
  });
  const byId = new Map(doc.villages.map((v) => [v.id, v]));
  const updates = input.update.map((x) => {
    const current = byId.get(x.villageId);
    if (!current || current.deletedAt) throw new AppError('NOT_FOUND', `第 ${x.row} 行：要更新的村（社区）已不存在或在回收站中，请重新预览`);
    if (current.updatedAt !== x.updatedAt) throw new AppError('CONFLICT', `第 ${x.row} 行：${current.name}在预览之后被修改过，请重新预览后再导入`);
    const data = validRow(x.row, x.data);
    // The roster matches villages by 镇街 + 名称; renaming is done on the village's own page.
    if (keyOf(data.townCode, data.name) !== keyOf(current.townCode, current.name)) {
      throw new AppError('INVALID', `第 ${x.row} 行：镇街或名称与要更新的${current.name}不一致`);
    }
    return { row: x.row, current, data };
  });

  const batchId = newId();
  const at = nowIso();
  return session.mutate((d, audit) => {
    const createdIds: string[] = [];
    for (const c of creates) {
      const v: Village = { ...c.data, id: newId(), createdAt: at, updatedAt: at };
      d.villages.push(v);
      createdIds.push(v.id);
      audit({ action: 'villages.create', entity: 'villages', recordId: v.id, summary: `导入新建村（社区）：${place(v.townCode, v.name)}（${input.fileName} 第 ${c.row} 行）`, after: v, batchId });
    }
    const replacedVillages: Village[] = [];
    for (const u of updates) {
      const target = d.villages.find((v) => v.id === u.current.id)!;
      const before = structuredClone(target);
      replacedVillages.push(before);
      Object.assign(target, u.data, { updatedAt: at });
      audit({
        action: 'villages.update', entity: 'villages', recordId: target.id,
        summary: `导入更新村（社区）：${place(target.townCode, target.name)}（${input.fileName} 第 ${u.row} 行）`,
        before: changedFields(before, target), after: changedFields(target, before), batchId,
      });
    }
    d.importBatches.push({ id: batchId, at, operator: session.operator, kind: 'villages', fileName: input.fileName, createdIds, replaced: [], replacedVillages });
    audit({
      action: 'import.villages', entity: 'villages', recordId: batchId,
      summary: `导入村（社区）名册“${input.fileName}”：新建 ${creates.length} 个，更新 ${updates.length} 个`, batchId,
    });
    return { batchId, created: creates.length, updated: updates.length };
  });
}

/**
 * Undoes a 村居名册 batch: villages it created are removed, villages it updated get their
 * earlier content back — all in one save. Refused (nothing changed) when that would lose work
 * done since: a village edited after the import, or a new village that cadres or other
 * records (村居结对, 跨村任职 pilots, 跟班 hosts) already point at.
 */
export async function undoVillageBatch(session: Session, batch: ImportBatch): Promise<{ removed: number; restored: number }> {
  const doc = session.doc;
  const byId = new Map(doc.villages.map((v) => [v.id, v]));
  const { villages: _v, audit: _a, importBatches: _b, importTemplates: _t, settings: _s, meta: _m, ...rest } = doc;
  const elsewhere = JSON.stringify(rest);
  for (const id of batch.createdIds) {
    const v = byId.get(id);
    if (!v) continue;
    if (v.updatedAt !== batch.at) throw new AppError('CONFLICT', `${place(v.townCode, v.name)}在导入后被修改过，撤销会丢掉这些修改；请先处理该村（社区）`);
    const members = doc.cadres.filter((c) => c.villageId === id && !c.deletedAt);
    if (members.length) {
      throw new AppError('CONFLICT', `${place(v.townCode, v.name)}已登记 ${members.length} 名干部（如 ${members[0].name}），不能撤销本批导入；请先把这些干部改到其他村（社区）`);
    }
    if (elsewhere.includes(id)) throw new AppError('CONFLICT', `${place(v.townCode, v.name)}已被其他业务（村居结对、跨村任职、书记跟班等）引用，不能撤销本批导入；请先解除引用`);
  }
  const replaced = batch.replacedVillages ?? [];
  for (const old of replaced) {
    const v = byId.get(old.id);
    if (v && v.updatedAt !== batch.at) throw new AppError('CONFLICT', `${place(v.townCode, v.name)}在导入后又被修改过，撤销会丢掉这些修改；请先处理该村（社区）`);
  }
  return session.mutate((d, audit) => {
    const created = new Set(batch.createdIds);
    const removedVillages = d.villages.filter((v) => created.has(v.id));
    d.villages = d.villages.filter((v) => !created.has(v.id));
    for (const v of removedVillages) {
      audit({ action: 'villages.remove', entity: 'villages', recordId: v.id, summary: `撤销导入，删除导入时新建的村（社区）：${place(v.townCode, v.name)}`, batchId: batch.id });
    }
    let restored = 0;
    for (const old of replaced) {
      const i = d.villages.findIndex((v) => v.id === old.id);
      if (i < 0) continue;
      const now = d.villages[i];
      d.villages[i] = structuredClone(old);
      restored++;
      audit({
        action: 'villages.update', entity: 'villages', recordId: old.id, summary: `撤销导入，恢复村（社区）：${place(old.townCode, old.name)}`,
        before: changedFields(now, old), after: changedFields(old, now), batchId: batch.id,
      });
    }
    d.importBatches.find((x) => x.id === batch.id)!.undoneAt = nowIso();
    audit({
      action: 'import.undo', entity: 'importBatches', recordId: batch.id,
      summary: `撤销导入村（社区）名册“${batch.fileName}”：删除 ${removedVillages.length} 个，恢复 ${restored} 个`, batchId: batch.id,
    });
    return { removed: removedVillages.length, restored };
  });
}
