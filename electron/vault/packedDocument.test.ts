import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/define.js';
import { buildDemoDocument } from '../demo/generate.js';
import { isPacked, packDocument, unpackDocument } from './packedDocument.js';

/** What a JSON round trip gives: the stored form must give exactly that, key order included. */
const viaJson = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
const roundTrip = (x: unknown) => unpackDocument(packDocument(x));

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
}

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

function randomValue(r: () => number, depth: number): unknown {
  const pick = Math.floor(r() * (depth > 4 ? 6 : 9));
  const strings = ['', '汉族', '1975.03', 'a"b\\c', '\u2028\u2029', '😀档', '\ud800', '=SUM(A1)', '<script>', '0', 'x'.repeat(40)];
  switch (pick) {
    case 0: return strings[Math.floor(r() * strings.length)];
    case 1: return Math.floor(r() * 1e6);
    case 2: return [-1, -0.5, 3.14159, 2 ** 40, -(2 ** 31), 2 ** 29, 2 ** 29 - 1, 1e-9][Math.floor(r() * 8)];
    case 3: return r() < 0.5;
    case 4: return null;
    case 5: return String.fromCharCode(...Array.from({ length: Math.floor(r() * 8) }, () => Math.floor(r() * 0xffff)));
    case 6:
    case 7: {
      const keys = ['id', 'name', '姓名', '2', '10', '__proto__', 'constructor', 'toString', 'a b', ''];
      const o: Record<string, unknown> = {};
      const n = Math.floor(r() * 6);
      for (let i = 0; i < n; i++) {
        const k = keys[Math.floor(r() * keys.length)];
        Object.defineProperty(o, k, { value: randomValue(r, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return o;
    }
    default:
      return Array.from({ length: Math.floor(r() * 5) }, () => randomValue(r, depth + 1));
  }
}

describe('packed document', () => {
  it('gives back the 示例 document exactly as a JSON round trip would, in a quarter of the bytes', () => {
    const doc = buildDemoDocument({ cadres: 300, seed: 11 });
    const packed = packDocument(doc);
    expect(isPacked(packed)).toBe(true);
    expect(JSON.stringify(unpackDocument(packed))).toBe(JSON.stringify(doc));
    expect(packed.length).toBeLessThan(Buffer.byteLength(JSON.stringify(doc)) / 2);
  });

  it('keeps hostile strings, lone surrogates and every kind of number', () => {
    const value = {
      rewards: '=HYPERLINK("http://x")<script>alert(1)</script>"\\\u2028\u0000',
      lone: '\udc00 and \ud83d',
      numbers: [0, 1, 2 ** 29 - 1, 2 ** 29, 2 ** 53 - 1, -1, -2.5, 1e300, Number.MIN_VALUE],
      flags: [true, false, null],
      empty: { list: [], obj: {}, text: '' },
    };
    expect(roundTrip(value)).toEqual(viaJson(value));
  });

  it('follows JSON for undefined, NaN, Infinity and -0', () => {
    const value = { a: undefined, b: [undefined, NaN, Infinity, -Infinity], c: -0, d: 1 };
    const back = roundTrip(value) as Record<string, unknown>;
    expect(back).toEqual(viaJson(value));
    expect('a' in back).toBe(false);
    expect(Object.is(back.c, 0)).toBe(true);
  });

  it('keeps key order, numeric-looking keys included', () => {
    const value = { z: 1, '10': 2, a: 3, '2': 4, 姓名: 5 };
    expect(JSON.stringify(roundTrip(value))).toBe(JSON.stringify(viaJson(value)));
  });

  it('stores "__proto__" as an own key, never as the prototype, in rare and frequent shapes alike', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}') as object;
    const many = Array.from({ length: 40 }, () => hostile);
    const back = roundTrip({ one: hostile, many }) as { one: Record<string, unknown>; many: Record<string, unknown>[] };
    for (const o of [back.one, back.many[0], back.many[39]]) {
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      expect(Object.keys(o)).toEqual(['__proto__', 'name']);
      expect((o as { polluted?: boolean }).polluted).toBeUndefined();
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('matches JSON on 300 random trees', () => {
    const r = rng(20261125);
    for (let i = 0; i < 300; i++) {
      const value = randomValue(r, 0);
      expect(JSON.stringify(roundTrip(value)), `tree ${i}`).toBe(JSON.stringify(viaJson(value)));
    }
  });

  it('stores a repeated value once, and still keeps every distinct value of a field that has thousands', () => {
    const records = Array.from({ length: 12_000 }, (_, i) => ({ ethnicity: '仫佬族', idNumber: `44060619750301${String(i).padStart(4, '0')}`, note: i % 3 ? '同上' : `第${i}号` }));
    const packed = packDocument({ records });
    const count = (s: string) => packed.toString('latin1').split(Buffer.from(s, 'utf16le').toString('latin1')).length - 1;
    expect(count('仫佬族')).toBe(1);
    expect(JSON.stringify(unpackDocument(packed))).toBe(JSON.stringify({ records }));
  });

  it('reads a buffer that does not start on a 4-byte boundary', () => {
    const packed = packDocument({ name: '黄志明', n: [1, 2, 3] });
    const shifted = Buffer.alloc(packed.length + 1).subarray(1);
    packed.copy(shifted);
    expect(shifted.byteOffset % 4).not.toBe(0);
    expect(unpackDocument(shifted)).toEqual({ name: '黄志明', n: [1, 2, 3] });
  });

  it('refuses to store a Date or class instance (it would silently become {})', () => {
    expect(() => packDocument({ at: new Date() })).toThrow('not a plain object');
  });

  it('reports inconsistent contents as 文件已损坏, never as a crash or a wrong value', () => {
    const packed = packDocument({ cadres: [{ name: '陈志强', birth: '1975.03' }], n: 1 });
    const cases: Array<[string, Buffer]> = [
      ['truncated', packed.subarray(0, packed.length - 4)],
      ['trailing word', Buffer.concat([packed, Buffer.alloc(4)])],
      ['string index out of range', (() => {
        const b = Buffer.from(packed);
        b.writeUInt32LE(999 * 8 + 0, b.length - 8); // a string reference past the table
        return b;
      })()],
      ['unknown tag', (() => {
        const b = Buffer.from(packed);
        b.writeUInt32LE(7, b.length - 4);
        return b;
      })()],
      ['directory garbage', (() => {
        const b = Buffer.from(packed);
        b.write('{{{{', 12, 'latin1');
        return b;
      })()],
    ];
    for (const [what, bytes] of cases) {
      const e = errorOf(() => unpackDocument(bytes));
      expect(e, what).toBeInstanceOf(AppError);
      expect(e.code, what).toBe('DAMAGED');
      expect(e.message, what).toContain('文件已损坏');
    }
  });

  it('asks for an upgrade when the stored form is newer than this build', () => {
    const b = Buffer.from(packDocument({}));
    b.writeUInt32LE(2, 4);
    const e = errorOf(() => unpackDocument(b));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('请升级本程序');
  });
});
