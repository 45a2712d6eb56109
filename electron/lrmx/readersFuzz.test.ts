/**
 * The 任免审批表 readers under mutated files: a .lrmx (bytes and XML structure) and a .zip of
 * them (bytes, and the .lrmx inside). Every file gets a report line in Chinese within 2 s —
 * never a crash or raw JS error text — and the cadres passed in are not touched.
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Cadre } from '../../shared/domain/cadre.js';
import { FUZZ_RUNS, FUZZ_SEED, answersOrRefuses, byteMutation, expectUserMessage, mutateBytes, mutateXml, mutateZipPart, xmlMutation } from '../../tests/fixtures/fuzz.js';
import { fullCadre } from '../../tests/fixtures/lrmx.js';
import { importLrmxFiles } from './importFiles.js';
import { parseLrmx, serializeLrmx } from './lrmx.js';
import { lrmxFilesFromZip } from './zipInput.js';

const GOOD_LRMX = serializeLrmx(fullCadre());
const GOOD_ZIP = Buffer.from(
  zipSync({ 'a/陈志强.lrmx': GOOD_LRMX, 'a/陈志强一.lrmx': serializeLrmx(fullCadre(1)), '清单.csv': Buffer.from('序号,姓名\r\n') }),
);
/** Already on file, so a mutant that still reads goes through the update path too. */
const onFile: Cadre = { ...fullCadre(1), techTitle: '', id: 'c1', createdAt: '', updatedAt: 'u1' };

const RUNS = { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true };

function checkImport(files: { fileName: string; bytes: Buffer }[], context: string): void {
  const cadres = [onFile];
  const before = JSON.stringify(cadres);
  const r = answersOrRefuses(() => importLrmxFiles(files, cadres, 'update'), context);
  expect(r, `${context}: importLrmxFiles reports per file and must not throw`).toBeDefined();
  expect(r!.reports.length, context).toBeGreaterThan(0);
  for (const rep of r!.reports) {
    expectUserMessage(rep.message, context);
    for (const w of rep.warnings) expectUserMessage(w, context);
  }
  expect(JSON.stringify(cadres)).toBe(before);
}

describe('LRMX reader under mutation', () => {
  it('refuses in Chinese a declaration broken in a way the XML validator lets through (found by this fuzzing)', () => {
    const bytes = mutateBytes(GOOD_LRMX, { kind: 'splice', at: 26, bytes: Uint8Array.from([75, 39]) });
    expect(() => parseLrmx(bytes, '陈志强.lrmx')).toThrow('“陈志强.lrmx”不是完整的 XML 文件，可能已损坏或未保存完');
  });

  it('survives damaged .lrmx bytes', () => {
    fc.assert(fc.property(byteMutation, (m) => {
      const bytes = mutateBytes(GOOD_LRMX, m);
      answersOrRefuses(() => parseLrmx(bytes, '陈志强.lrmx'), `lrmx bytes ${JSON.stringify(m)}`);
      checkImport([{ fileName: '陈志强.lrmx', bytes }], `lrmx bytes ${JSON.stringify(m)}`);
    }), RUNS);
  });

  it('survives damaged XML structure (tags dropped, repeated, nested deep, extreme values)', () => {
    fc.assert(fc.property(fc.array(xmlMutation, { minLength: 1, maxLength: 3 }), (ms) => {
      const xml = ms.reduce((x, m) => mutateXml(x, m), GOOD_LRMX.toString('utf8'));
      checkImport([{ fileName: '陈志强.lrmx', bytes: Buffer.from(xml, 'utf8') }], `lrmx xml ${JSON.stringify(ms)}`);
    }), RUNS);
  });
});

describe('zip import under mutation', () => {
  it('survives damaged zip bytes (headers, sizes, names, data)', () => {
    fc.assert(fc.property(byteMutation, (m) => {
      const bytes = mutateBytes(GOOD_ZIP, m);
      answersOrRefuses(() => lrmxFilesFromZip(bytes, '任免审批表.zip'), `zip bytes ${JSON.stringify(m)}`);
      checkImport([{ fileName: '任免审批表.zip', bytes }], `zip bytes ${JSON.stringify(m)}`);
    }), RUNS);
  });

  it('survives damaged .lrmx inside a good zip', () => {
    fc.assert(fc.property(fc.nat(), xmlMutation, (pick, m) => {
      checkImport([{ fileName: '任免审批表.zip', bytes: mutateZipPart(GOOD_ZIP, pick, m) }], `zip part ${pick} ${JSON.stringify(m)}`);
    }), RUNS);
  });

  it('survives arbitrary bytes under a .zip or .lrmx name', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 2048 }), fc.constantFrom('a.zip', 'a.lrmx', 'a.xml'), (b, n) => {
      checkImport([{ fileName: n, bytes: Buffer.from(b) }], `random ${n}`);
    }), RUNS);
  });
});
