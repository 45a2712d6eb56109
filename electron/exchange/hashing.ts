/**
 * Hashes that decide what a package carries (record hash, sender side) and where conflicts are
 * (field hashes, receiver side). Keys are sorted, so two vaults holding the same record agree.
 */
import { createHash } from 'node:crypto';
import type { ExchangedRecord } from './collections.js';

export function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

const short = (text: string, chars: number) => createHash('sha256').update(text).digest('base64url').slice(0, chars);

/** Changes whenever anything in the record changes (including 回收站 state). */
export const recordHash = (r: ExchangedRecord): string => short(stableJson(r), 22);

/** Fields compared between vaults: bookkeeping stamps are not the user's data. */
export const IGNORED_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);

export function fieldHashes(r: ExchangedRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(r)) {
    if (IGNORED_FIELDS.has(k) || r[k] === undefined) continue;
    out[k] = short(stableJson(r[k]), 10);
  }
  return out;
}

/** Stored compactly as `field=hash,field=hash` (one string per record keeps the vault document small). */
export const packFieldHashes = (h: Record<string, string>): string =>
  Object.keys(h)
    .sort()
    .map((k) => `${k}=${h[k]}`)
    .join(',');

export function unpackFieldHashes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s) return out;
  for (const part of s.split(',')) {
    const i = part.indexOf('=');
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}
