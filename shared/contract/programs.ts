/**
 * 书记跟班, 智库结对, 村居结对 (issue 6). Record data arrives as a loose object and is validated
 * in the handler with the domain schema, so field errors come back in Chinese per field.
 * Every `*Check` method returns the rule findings for a draft without saving, for live display;
 * create/update refuse when a finding is an error and return the warnings with the record.
 */
import { z } from 'zod';
import { method } from './define.js';
import { looseDateSchema } from '../domain/common.js';
import type { Expert, MentorPair, ShadowBatch, ShadowPlacement, VillagePair } from '../domain/programs.js';
import type { Finding } from '../rules/programs.js';

export type { Finding } from '../rules/programs.js';

export interface Saved<T> {
  record: T;
  /** Warnings that did not stop the save. */
  findings: Finding[];
}

export interface ShadowBatchRow extends ShadowBatch {
  /** Placements holding a place (not 中止). */
  placed: number;
  capacity: number;
  hostLabels: Record<string, string>;
  /** The mentor's name per host, whether a cadre on file or a typed name. */
  mentorLabels: Record<string, string>;
}

export interface PlacementRow extends ShadowPlacement {
  cadreName: string;
  cadreSex: string;
  cadreBirth: string;
  cadreIdNumber: string;
  cadrePost: string;
  cadreVillageName: string;
  /** 镇街 of the cadre's own village (the lists filter by it). */
  townCode: string;
  batchName: string;
  batchYear: number;
  hostLabel: string;
  mentorLabel: string;
}

export interface ExpertRow extends Expert {
  activePairs: number;
}

export interface MentorPairRow extends MentorPair {
  expertNames: string[];
  targetName: string;
  townCode: string;
  hours: number;
}

export interface VillagePairRow extends VillagePair {
  helpedName: string;
  townCode: string;
  partnerLabel: string;
  hours: number;
}

export interface RosterImportRow {
  excelRow: number;
  name: string;
  hostLabel: string;
  start: string;
  end: string;
  /** error = not imported. */
  level: 'ok' | 'warning' | 'error';
  /** "第 5 行：…" messages naming the field. */
  messages: string[];
}

export interface RosterImportResult {
  sheet: string;
  rows: RosterImportRow[];
  /** Rows without errors, imported on commit. */
  importable: number;
  /** Placements created (0 for a preview). */
  created: number;
}

export interface CadreProgramHistory {
  placements: PlacementRow[];
  mentorPairs: MentorPairRow[];
}

const id = z.string().min(1);
const data = z.record(z.string(), z.unknown());
const listInput = z.object({ deleted: z.boolean().default(false) });
const closeInput = z.object({
  id,
  date: looseDateSchema,
  reason: z.string().trim().min(1, '请填写原因').max(500, '原因不能超过 500 个字'),
});
const ok = method<{ ok: true }>();

export const programsContract = {
  // 书记跟班
  'shadow.batchList': method<ShadowBatchRow[]>()(listInput),
  'shadow.batchGet': method<{ batch: ShadowBatchRow; placements: PlacementRow[] }>()(z.object({ id })),
  'shadow.batchCheck': method<Finding[]>()(z.object({ id: id.optional(), data })),
  'shadow.batchCreate': method<Saved<ShadowBatch>>()(z.object({ data })),
  'shadow.batchUpdate': method<Saved<ShadowBatch>>()(z.object({ id, data })),
  /** Calls off the batch; its 计划/在岗 placements become 中止 with the same reason. */
  'shadow.batchCancel': method<ShadowBatch>()(closeInput),
  'shadow.batchDelete': ok(z.object({ id })),
  'shadow.batchRestore': method<ShadowBatch>()(z.object({ id })),
  'shadow.placementList': method<PlacementRow[]>()(listInput),
  'shadow.placementCheck': method<Finding[]>()(z.object({ id: id.optional(), data })),
  'shadow.placementCreate': method<Saved<ShadowPlacement>>()(z.object({ data })),
  'shadow.placementUpdate': method<Saved<ShadowPlacement>>()(z.object({ id, data })),
  'shadow.placementStart': method<ShadowPlacement>()(z.object({ id })),
  'shadow.placementFinish': method<ShadowPlacement>()(z.object({ id, evaluation: data })),
  'shadow.placementStop': method<ShadowPlacement>()(closeInput),
  'shadow.placementDelete': ok(z.object({ id })),
  'shadow.placementRestore': method<ShadowPlacement>()(z.object({ id })),
  'shadow.exportRoster': method<{ fileName: string; base64: string }>()(z.object({ batchId: id })),
  /** Reads a 花名册 for the batch; with commit, imports the rows without errors in one save. */
  'shadow.importRoster': method<RosterImportResult>()(
    z.object({ batchId: id, fileName: z.string().min(1).max(260), base64: z.string().min(1).max(45_000_000), commit: z.boolean().default(false) }),
  ),

  // 智库结对
  'mentoring.expertList': method<ExpertRow[]>()(listInput),
  'mentoring.expertCreate': method<Expert>()(z.object({ data })),
  'mentoring.expertUpdate': method<Expert>()(z.object({ id, data })),
  /** The expert leaves the 智库: sets the end of tenure. */
  'mentoring.expertLeave': method<Expert>()(closeInput),
  'mentoring.expertDelete': ok(z.object({ id })),
  'mentoring.expertRestore': method<Expert>()(z.object({ id })),
  'mentoring.pairList': method<MentorPairRow[]>()(listInput),
  'mentoring.pairCheck': method<Finding[]>()(z.object({ id: id.optional(), data })),
  'mentoring.pairCreate': method<Saved<MentorPair>>()(z.object({ data })),
  'mentoring.pairUpdate': method<Saved<MentorPair>>()(z.object({ id, data })),
  'mentoring.pairClose': method<MentorPair>()(closeInput.extend({ status: z.enum(['已结束', '已取消']) })),
  'mentoring.pairDelete': ok(z.object({ id })),
  'mentoring.pairRestore': method<MentorPair>()(z.object({ id })),
  'mentoring.activityAdd': method<Saved<MentorPair>>()(z.object({ pairId: id, data })),
  'mentoring.activityRemove': method<MentorPair>()(z.object({ pairId: id, activityId: id })),
  /** Edits one activity in place; fields left out keep their value. */
  'mentoring.activityUpdate': method<Saved<MentorPair>>()(z.object({ pairId: id, activityId: id, data })),
  'mentoring.summary': method<{ year: number; pairs: number; activities: number; hours: number }[]>()(z.object({})),

  // 村居结对
  'villagePair.list': method<VillagePairRow[]>()(listInput),
  'villagePair.check': method<Finding[]>()(z.object({ id: id.optional(), data })),
  'villagePair.create': method<Saved<VillagePair>>()(z.object({ data })),
  'villagePair.update': method<Saved<VillagePair>>()(z.object({ id, data })),
  'villagePair.close': method<VillagePair>()(closeInput.extend({ status: z.enum(['已结束', '已取消']) })),
  'villagePair.delete': ok(z.object({ id })),
  'villagePair.restore': method<VillagePair>()(z.object({ id })),
  'villagePair.activityAdd': method<Saved<VillagePair>>()(z.object({ pairId: id, data })),
  'villagePair.activityRemove': method<VillagePair>()(z.object({ pairId: id, activityId: id })),
  /** Edits one activity in place; fields left out keep their value. */
  'villagePair.activityUpdate': method<Saved<VillagePair>>()(z.object({ pairId: id, activityId: id, data })),
  /** Per year: pairs formed (by their year) against the target in settings.villagePairTargets. */
  'villagePair.summary': method<{ year: number; formed: number; active: number; target: number | null; activities: number; hours: number }[]>()(z.object({})),
  'villagePair.setTarget': method<Record<string, number>>()(z.object({ year: z.number().int().min(2000).max(2100), target: z.number().int().min(0).max(1000).nullable() })),

  /** The two program limits, edited where they apply (only the keys given change). */
  'programs.setLimits': method<{ youthAgeLimit: number; expertLoadLimit: number }>()(
    z.object({
      youthAgeLimit: z.number().int().min(18, '青年年龄上限不能小于 18').max(60, '青年年龄上限不能大于 60').optional(),
      expertLoadLimit: z.number().int().min(1, '结对上限至少为 1').max(50, '结对上限不能超过 50').optional(),
    }),
  ),
  /** A cadre's 跟班 placements and 智库 pairs, for the cadre page and the 跨村任职 comparison. */
  'programs.cadreHistory': method<CadreProgramHistory>()(z.object({ cadreId: id })),
};
