/**
 * The 花名册 and 村居名册 readers under mutated files: each mutant is answered or refused in
 * Chinese within 2 s, never a crash or raw JS error text, and the records passed in are not touched.
 */
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { Village } from '../../shared/domain/village.js';
import { FUZZ_RUNS, FUZZ_SEED, answersOrRefuses, byteMutation, expectUserMessage, mutateBytes, mutateZipPart, xmlMutation } from '../../tests/fixtures/fuzz.js';
import { fullCadre } from '../../tests/fixtures/lrmx.js';
import { messyRosterBytes, messyRosterRows, sheetFrom, workbookBytes } from '../../tests/fixtures/roster.js';
import { previewFile } from './preview.js';
import { previewVillages } from './villageRoster.js';

const village: Village = {
  id: 'v-st', name: '水藤村', townCode: '440606005', kind: '村', strength: '一般', weakLax: null, demonstration: null,
  redVillage: false, crossPilot: false, vitality: [], note: '', createdAt: '', updatedAt: '',
};
const cadre: Cadre = { ...fullCadre(), id: 'c1', createdAt: '', updatedAt: '' };

function villageRosterBytes(bookType: XLSX.BookType = 'xlsx'): Buffer {
  return workbookBytes({
    村居: sheetFrom([
      ['杏坛镇村（社区）名册'],
      ['镇街', '村（社区）名称', '类型', '战斗力', '软弱涣散年份', '示范村', '红色村', '备注'],
      ['杏坛', '逢简村', '村', '强', '', '省级', '是', ''],
      ['杏坛', '光华村', '村', '弱', '2025', '', '否', '整顿中'],
    ], ['A1:H1']),
  }, bookType);
}

const { rows, merges } = messyRosterRows();
const GOOD = {
  xlsx: messyRosterBytes(),
  xls: workbookBytes({ 花名册: sheetFrom(rows, merges) }, 'biff8'),
  csv: Buffer.from(XLSX.utils.sheet_to_csv(sheetFrom(rows)), 'utf8'),
  villages: villageRosterBytes(),
};

/** Every message in a preview a user will read. */
function messagesOf(p: { refused: { issues: { message: string }[] }[]; warned?: { warnings: { message: string }[] }[] }): string[] {
  return [...p.refused.flatMap((r) => r.issues), ...(p.warned ?? []).flatMap((r) => r.warnings)].map((i) => i.message);
}

function check花名册(bytes: Buffer, fileName: string, context: string): void {
  const ctx = { villages: [village], cadres: [cadre] };
  const before = JSON.stringify(ctx);
  const p = answersOrRefuses(() => previewFile(bytes, fileName, {}, ctx), context);
  if (p) for (const m of messagesOf(p)) expectUserMessage(m, context);
  expect(JSON.stringify(ctx)).toBe(before);
}

function check村居(bytes: Buffer, fileName: string, context: string): void {
  const villages = [village];
  const before = JSON.stringify(villages);
  const p = answersOrRefuses(() => previewVillages(bytes, fileName, {}, villages), context);
  if (p) for (const m of messagesOf(p)) expectUserMessage(m, context);
  expect(JSON.stringify(villages)).toBe(before);
}

const RUNS = { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true };

describe('花名册 reader (previewFile) under mutation', () => {
  it('survives damaged .xlsx bytes', () => {
    fc.assert(fc.property(byteMutation, (m) => check花名册(mutateBytes(GOOD.xlsx, m), '花名册.xlsx', `xlsx bytes ${JSON.stringify(m)}`)), RUNS);
  });

  it('survives damaged XML inside the .xlsx (sheet, shared strings, workbook, relations)', () => {
    fc.assert(
      fc.property(fc.nat(), xmlMutation, (pick, m) => check花名册(mutateZipPart(GOOD.xlsx, pick, m), '花名册.xlsx', `xlsx part ${pick} ${JSON.stringify(m)}`)),
      RUNS,
    );
  });

  it('survives damaged .xls (BIFF8) and .csv files', () => {
    fc.assert(
      fc.property(byteMutation, fc.boolean(), (m, xls) =>
        check花名册(mutateBytes(xls ? GOOD.xls : GOOD.csv, m), xls ? '花名册.xls' : '花名册.csv', `${xls ? 'xls' : 'csv'} ${JSON.stringify(m)}`),
      ),
      RUNS,
    );
  });

  it('survives arbitrary bytes under an Excel name', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 2048 }), fc.constantFrom('a.xlsx', 'a.xls', 'a.csv'), (b, n) => check花名册(Buffer.from(b), n, `random ${n}`)), RUNS);
  });
});

describe('村居名册 reader (previewVillages) under mutation', () => {
  it('survives damaged bytes and damaged XML', () => {
    fc.assert(
      fc.property(fc.oneof(byteMutation.map((m) => ({ m, xml: false as const })), fc.tuple(fc.nat(), xmlMutation).map((m) => ({ m, xml: true as const }))), (x) => {
        const bytes = x.xml ? mutateZipPart(GOOD.villages, x.m[0], x.m[1]) : mutateBytes(GOOD.villages, x.m);
        check村居(bytes, '村居.xlsx', JSON.stringify(x));
      }),
      RUNS,
    );
  });
});
