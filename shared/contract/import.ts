import { z } from 'zod';
import { method } from './define.js';
import { jobId } from './job.js';
import type { CadreFields } from '../domain/cadre.js';
import type { ImportBatch, ImportTemplate } from '../domain/document.js';
import type { Village } from '../domain/village.js';

/** One problem in a 花名册, located as the user sees it in Excel. */
export interface ImportIssue {
  row: number;
  column: string;
  message: string;
}

export interface ImportColumn {
  index: number;
  /** Column letter as Excel shows it. */
  letter: string;
  header: string;
  /** Normalized header: the key in a mapping / template. */
  key: string;
  /** Field key ('name', 'fullTimeEducation.level', 'village'…) or '' = not imported. */
  field: string;
}

export interface ImportRow {
  row: number;
  data: CadreFields;
  warnings: ImportIssue[];
}

export interface ImportDiff {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface ExistingRow {
  row: number;
  cadreId: string;
  updatedAt: string;
  name: string;
  idNumber: string;
  /** The stored record with the file's columns laid over it. */
  data: CadreFields;
  diffs: ImportDiff[];
  warnings: ImportIssue[];
}

/** How a roster file was read, whatever it lists: its sheets, the one read, and where each column goes. */
export interface SheetReading {
  fileName: string;
  sheets: { name: string; rows: number; hasTable: boolean }[];
  /** The sheet read; '' when no sheet holds a table of this kind. */
  sheet: string;
  /** Several sheets hold data and the caller did not say which. */
  chooseSheet: boolean;
  headerRow: number;
  columns: ImportColumn[];
  fields: { key: string; label: string }[];
}

export interface ImportPreview extends SheetReading {
  accepted: ImportRow[];
  /** Accepted too, but with something the user should look at. */
  warned: ImportRow[];
  refused: { row: number; name: string; issues: ImportIssue[] }[];
  existing: ExistingRow[];
}

export interface ImportResult {
  batchId: string;
  created: number;
  updated: number;
}

export interface LrmxFileReport {
  file: string;
  status: 'created' | 'updated' | 'skipped' | 'refused';
  name?: string;
  cadreId?: string;
  message: string;
  warnings: string[];
}

/** A 村（社区） as the roster gives it: everything but the record's id and timestamps. */
export type VillageData = Omit<Village, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export interface VillageImportRow {
  row: number;
  data: VillageData;
}

export interface VillageExistingRow {
  row: number;
  villageId: string;
  updatedAt: string;
  name: string;
  townCode: string;
  /** The stored village with the file's non-blank columns laid over it. */
  data: VillageData;
  /** Empty: the file says nothing new about this village. */
  diffs: ImportDiff[];
}

/** The 村（社区） roster read, nothing saved yet. */
export interface VillageImportPreview extends SheetReading {
  accepted: VillageImportRow[];
  refused: { row: number; name: string; issues: ImportIssue[] }[];
  existing: VillageExistingRow[];
}

const fileInput = z.object({
  fileName: z.string().min(1).max(260),
  base64: z.string().min(1, '请选择文件'),
});

const rowData = z.record(z.string(), z.unknown());

export const importContract = {
  'import.preview': method<ImportPreview>()(
    fileInput.extend({
      sheet: z.string().optional(),
      /** Normalized header → field key ('' = ignore). Overrides detection for the headers it names. */
      mapping: z.record(z.string(), z.string()).optional(),
      template: z.string().optional(),
      job: jobId,
    }),
  ),
  'import.commit': method<ImportResult>()(
    z.object({
      fileName: z.string().min(1).max(260),
      create: z.array(z.object({ row: z.number().int(), data: rowData })).max(100_000),
      update: z.array(z.object({ row: z.number().int(), cadreId: z.string().min(1), updatedAt: z.string(), data: rowData })).max(100_000),
    }),
  ),
  'import.undo': method<{ removed: number; restored: number }>()(z.object({ batchId: z.string().min(1) })),
  'import.batches': method<(Omit<ImportBatch, 'replaced' | 'replacedVillages'> & { replacedCount: number })[]>()(z.object({})),
  'import.villagePreview': method<VillageImportPreview>()(
    fileInput.extend({ sheet: z.string().optional(), mapping: z.record(z.string(), z.string()).optional(), job: jobId }),
  ),
  /** All or nothing: new villages, and (when the user chose so) changes to villages already on file. */
  'import.villageCommit': method<{ batchId: string; created: number; updated: number }>()(
    z.object({
      fileName: z.string().min(1).max(260),
      create: z.array(z.object({ row: z.number().int(), data: rowData })).max(10_000),
      update: z.array(z.object({ row: z.number().int(), villageId: z.string().min(1), updatedAt: z.string(), data: rowData })).max(10_000),
    }),
  ),
  'import.templates': method<ImportTemplate[]>()(z.object({})),
  'import.saveTemplate': method<ImportTemplate>()(
    z.object({ name: z.string().trim().min(1, '请填写模板名称').max(40), mapping: z.record(z.string(), z.string()) }),
  ),
};

export const exportContract = {
  'export.cadres': method<{ fileName: string; base64: string; count: number }>()(
    z.object({
      ids: z.array(z.string()).optional(),
      /** The list's filters in words, printed under the title so the sheet says what it holds. */
      description: z.string().max(300).optional(),
      job: jobId,
    }),
  ),
  'export.template': method<{ fileName: string; base64: string }>()(z.object({})),
};
