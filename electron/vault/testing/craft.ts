/**
 * Builders of deliberately bad vault files for the fault tests: rewrite the header and
 * recompute the frame digest, so it is the check under test (not the digest) that refuses.
 */
import { createHash } from 'node:crypto';
import { MAGIC, type VaultHeader } from '../format.js';

const PREFIX = MAGIC.length + 2 + 4;

export function splitFrame(file: Buffer) {
  const headerLen = file.readUInt32BE(MAGIC.length + 2);
  const aadEnd = PREFIX + headerLen;
  return {
    version: file.readUInt16BE(MAGIC.length),
    header: JSON.parse(file.subarray(PREFIX, aadEnd).toString('utf8')) as VaultHeader,
    headerStart: PREFIX,
    aadEnd,
    digest: file.subarray(aadEnd, aadEnd + 32),
    kcv: file.subarray(aadEnd + 32, aadEnd + 64),
    body: file.subarray(aadEnd + 64, file.length - 16),
    tag: file.subarray(file.length - 16),
  };
}

export function withHeader(file: Buffer, edit: (h: VaultHeader) => unknown): Buffer {
  const f = splitFrame(file);
  const header = structuredClone(f.header);
  edit(header);
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(f.version, MAGIC.length);
  prefix.writeUInt32BE(headerBytes.length, MAGIC.length + 2);
  const aad = Buffer.concat([prefix, headerBytes]);
  const digest = createHash('sha256').update(aad).update(f.version >= 2 ? f.kcv : Buffer.alloc(0)).digest();
  return Buffer.concat([aad, digest, f.kcv, f.body, f.tag]);
}

export function flipBit(file: Buffer, offset: number, bit = 0): Buffer {
  const copy = Buffer.from(file);
  copy[offset] ^= 1 << bit;
  return copy;
}
