/**
 * A row for a person already on file: the file's non-blank columns laid over the stored
 * record, and the field-by-field differences the user decides on.
 */
import type { ImportDiff } from '../../shared/contract/import.js';
import type { Cadre, CadreFields } from '../../shared/domain/cadre.js';
import { mergeAssessments } from '../../shared/rules/assessment.js';
import { formatResume } from '../../shared/rules/resume.js';
import { FIELD_BY_KEY } from './fields.js';
import { scalarText } from '../../shared/rules/text.js';

/** Provided keys that are paths in the cadre record (not 镇街 / 村 text helpers). */
function recordPaths(provided: Set<string>): string[] {
  return [...provided].filter((k) => k === 'villageId' || k === 'assessments' || (FIELD_BY_KEY.has(k) && !['town', 'village', 'seq', 'age', 'note'].includes(k)));
}

function getPath(obj: object, path: string): unknown {
  const [a, b] = path.split('.');
  const v = (obj as Record<string, unknown>)[a];
  return b === undefined ? v : (v as Record<string, unknown> | undefined)?.[b];
}

/** The stored record's editable fields (no id or timestamps). */
export function editableFields(c: Cadre): Record<string, unknown> {
  const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...rest } = c;
  return rest;
}

export function mergeProvided(current: Cadre, data: CadreFields, provided: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(editableFields(current));
  for (const path of recordPaths(provided)) {
    const [a, b] = path.split('.');
    const v = getPath(data, path);
    // A 花名册 usually lists only the last few years: the years it names replace, earlier ones stay.
    if (path === 'assessments') out.assessments = mergeAssessments(current.assessments, data.assessments);
    else if (b === undefined) {
      if (v === undefined) delete out[a];
      else out[a] = v;
    } else out[a] = { ...((out[a]) ?? {}), [b]: v };
  }
  return out;
}

const show = scalarText;

/** Lists shown the way the 花名册 cell writes them, so the user compares like with like. */
function showField(path: string, v: unknown): string {
  if (path === 'resume') return formatResume((v as CadreFields['resume']) ?? [], '\n');
  if (path === 'assessments') return ((v as CadreFields['assessments']) ?? []).map((a) => `${a.year}年度${a.grade}`).join('；');
  return show(v);
}

export function diffCadre(current: Cadre, merged: CadreFields, provided: Set<string>, villageName: Map<string, string>): ImportDiff[] {
  const diffs: ImportDiff[] = [];
  for (const path of recordPaths(provided)) {
    const before = showField(path, getPath(current, path));
    const after = showField(path, getPath(merged, path));
    if (before === after) continue;
    if (path === 'villageId') {
      diffs.push({ field: path, label: '所在村（社区）', before: villageName.get(before) ?? '', after: villageName.get(after) ?? '' });
    } else diffs.push({ field: path, label: path === 'assessments' ? '年度考核等次' : FIELD_BY_KEY.get(path)?.label ?? path, before, after });
  }
  return diffs;
}
