/**
 * Which cadre each photo is: files are named by 身份证号, by 姓名, or 姓名_身份证号 (also with a
 * space or “-”). A name two people share is ambiguous until the user picks one; nothing is
 * guessed.
 */
import type { Cadre } from '../../shared/domain/cadre.js';

export interface PhotoCandidate {
  id: string;
  name: string;
  /** Masked in the middle: enough to tell two 陈志强 apart on screen. */
  idNumber: string;
  hasPhoto: boolean;
}

export type PhotoMatch =
  | { status: 'matched'; cadre: PhotoCandidate; by: '身份证号' | '姓名' }
  | { status: 'ambiguous'; name: string; candidates: PhotoCandidate[] }
  | { status: 'unmatched'; message: string };

const ID = /^\d{17}[\dX]$/;

export const maskId = (id: string): string => (id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : id);

/** The part of a path that names the person: last segment, no extension, trimmed. */
export function photoStem(fileName: string): string {
  const base = fileName.replace(/\\/g, '/').split(/\/| › /).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '').normalize('NFC').trim();
}

export function parsePhotoName(fileName: string): { name?: string; idNumber?: string } {
  const stem = photoStem(fileName);
  const upper = stem.toUpperCase();
  if (ID.test(upper)) return { idNumber: upper };
  const nameFirst = /^(.+?)[\s_－-]+(\d{17}[\dXx])$/.exec(stem);
  if (nameFirst) return { name: nameFirst[1].replace(/\s+/g, ''), idNumber: nameFirst[2].toUpperCase() };
  const idFirst = /^(\d{17}[\dXx])[\s_－-]+(.+)$/.exec(stem);
  if (idFirst) return { name: idFirst[2].replace(/\s+/g, ''), idNumber: idFirst[1].toUpperCase() };
  return { name: stem.replace(/\s+/g, '') };
}

export class PhotoMatcher {
  private byId = new Map<string, Cadre>();
  private byName = new Map<string, Cadre[]>();

  constructor(cadres: readonly Cadre[]) {
    for (const c of cadres) {
      if (c.deletedAt) continue;
      if (c.idNumber) this.byId.set(c.idNumber.toUpperCase(), c);
      const key = c.name.replace(/\s+/g, '');
      this.byName.set(key, [...(this.byName.get(key) ?? []), c]);
    }
  }

  private static candidate(c: Cadre): PhotoCandidate {
    return { id: c.id, name: c.name, idNumber: maskId(c.idNumber), hasPhoto: !!c.photo };
  }

  match(fileName: string): PhotoMatch {
    const { name, idNumber } = parsePhotoName(fileName);
    if (idNumber) {
      const c = this.byId.get(idNumber);
      if (!c) return { status: 'unmatched', message: `档案中没有身份证号为 ${maskId(idNumber)} 的干部` };
      if (name && name.replace(/\s+/g, '') !== c.name.replace(/\s+/g, '')) {
        return { status: 'unmatched', message: `文件名中的姓名“${name}”与身份证号对应的 ${c.name} 不符，请核对` };
      }
      return { status: 'matched', cadre: PhotoMatcher.candidate(c), by: '身份证号' };
    }
    const found = this.byName.get(name ?? '') ?? [];
    if (found.length === 1) return { status: 'matched', cadre: PhotoMatcher.candidate(found[0]), by: '姓名' };
    if (found.length > 1) return { status: 'ambiguous', name: name ?? '', candidates: found.map((c) => PhotoMatcher.candidate(c)) };
    return { status: 'unmatched', message: `档案中没有名为“${name}”的干部（可把文件名改为 姓名_身份证号）` };
  }
}
