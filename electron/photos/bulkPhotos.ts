/**
 * 批量照片: preview (which file is whose, what is refused) and then one saved batch that sets the
 * matched cadres' 审批表 photos, undoable as a whole from 导入导出 (importBatches kind 'photos').
 */
import { availableParallelism } from 'node:os';
import { AppError } from '../../shared/contract/define.js';
import type { PhotoChoice, PhotoPreview, PhotoPreviewItem } from '../../shared/contract/attachment.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import { newId, nowIso, type Session } from '../store/session.js';
import { defaultCrop, type CropRect } from './crop.js';
import { PhotoMatcher } from './matchPhotos.js';
import { gatherPhotos, isRefused, type PhotoFile } from './photoInput.js';

export interface PendingPhotos {
  id: string;
  source: string;
  files: Map<string, PhotoFile>;
}

/** Reads and matches; nothing is saved. `files` keeps the accepted bytes for the commit. */
export function previewPhotos(input: Array<{ fileName: string; bytes: Uint8Array; size?: number }>, cadres: readonly Cadre[], source: string): { preview: PhotoPreview; pending: PendingPhotos } {
  const matcher = new PhotoMatcher(cadres);
  const files = new Map<string, PhotoFile>();
  const items: PhotoPreviewItem[] = [];
  const firstFor = new Map<string, string>();
  gatherPhotos(input).forEach((f, i) => {
    const key = String(i);
    if (isRefused(f)) {
      items.push({ key, fileName: f.fileName, status: 'refused', message: f.message });
      return;
    }
    const m = matcher.match(f.fileName);
    const base = { key, fileName: f.fileName, width: f.info.width, height: f.info.height, crop: defaultCrop(f.info.width, f.info.height), mime: f.info.mime };
    if (m.status === 'unmatched') {
      items.push({ ...base, status: 'unmatched', message: m.message });
      return;
    }
    if (m.status === 'matched') {
      const earlier = firstFor.get(m.cadre.id);
      if (earlier) {
        items.push({ ...base, status: 'unmatched', message: `与“${earlier}”是同一人（${m.cadre.name}），只用第一张` });
        return;
      }
      firstFor.set(m.cadre.id, f.fileName);
      items.push({ ...base, status: 'matched', cadre: m.cadre, by: m.by });
    } else {
      items.push({ ...base, status: 'ambiguous', message: `档案中有 ${m.candidates.length} 人名为“${m.name}”，请选择是哪一位`, candidates: m.candidates });
    }
    files.set(key, f);
  });
  const count = (s: PhotoPreviewItem['status']) => items.filter((x) => x.status === s).length;
  const id = newId();
  return {
    preview: { previewId: id, source, items, counts: { matched: count('matched'), ambiguous: count('ambiguous'), unmatched: count('unmatched'), refused: count('refused') } },
    pending: { id, source, files },
  };
}

export type ProcessPhotos = (items: Array<{ fileName: string; bytes: Uint8Array; crop?: CropRect }>) => Promise<Array<{ jpeg?: Uint8Array; error?: string }>>;

/** Splits the work over the worker threads (one task per core), in order. */
export function inChunks(run: ProcessPhotos): ProcessPhotos {
  return async (items) => {
    const n = Math.max(1, Math.min(availableParallelism(), 4, items.length));
    const size = Math.ceil(items.length / n);
    const parts = await Promise.all(Array.from({ length: n }, (_, i) => run(items.slice(i * size, (i + 1) * size))));
    return parts.flat();
  };
}

/**
 * Crops, compresses and stores the chosen photos in one audited save (one batch, one undo).
 * Every choice must name a previewed file and a cadre; a photo that fails to process stops the
 * whole batch, so nothing half-done is kept.
 */
export async function commitPhotos(s: Session, pending: PendingPhotos, choices: PhotoChoice[], process: ProcessPhotos): Promise<{ saved: number; batchId: string }> {
  if (!choices.length) throw new AppError('INVALID', '没有要保存的照片：请至少为一张照片选定干部');
  const seen = new Set<string>();
  const work = choices.map((c) => {
    const f = pending.files.get(c.key);
    if (!f) throw new AppError('INVALID', '预览已过期或文件不在预览中，请重新选择照片');
    const cadre = s.doc.cadres.find((x) => x.id === c.cadreId && !x.deletedAt);
    if (!cadre) throw new AppError('NOT_FOUND', `“${f.fileName}”选定的干部不在档案中（可能已移入回收站）`);
    if (seen.has(cadre.id)) throw new AppError('INVALID', `${cadre.name} 被选了不止一张照片，请只保留一张`);
    seen.add(cadre.id);
    return { f, cadreId: cadre.id, crop: c.crop };
  });
  const out = await process(work.map((w) => ({ fileName: w.f.fileName, bytes: w.f.bytes, crop: w.crop })));
  const failed = out.map((o, i) => (o.error ? `${work[i].f.fileName}：${o.error}` : '')).filter(Boolean);
  if (failed.length) throw new AppError('INVALID', `有 ${failed.length} 张照片无法处理，整批未保存：${failed.slice(0, 5).join('；')}`);
  const batchId = newId();
  const at = nowIso();
  const result = await s.mutate((doc, audit) => {
    const replaced: Cadre[] = [];
    work.forEach((w, i) => {
      const c = doc.cadres.find((x) => x.id === w.cadreId);
      if (!c) throw new AppError('NOT_FOUND', '所选干部不在档案中');
      const before = structuredClone(c);
      replaced.push(before);
      c.photo = Buffer.from(out[i].jpeg!).toString('base64');
      c.updatedAt = at;
      audit({ action: 'cadres.update', entity: 'cadres', recordId: c.id, summary: `批量导入照片：${c.name}（${w.f.fileName}）`, before: { photo: before.photo ? '（原照片）' : '' }, after: { photo: '（新照片）' }, batchId });
    });
    doc.importBatches.push({ id: batchId, at, operator: s.operator, kind: 'photos', fileName: pending.source, createdIds: [], replaced });
    audit({ action: 'import.photos', entity: 'importBatches', recordId: batchId, summary: `批量导入照片“${pending.source}”：${work.length} 人`, batchId });
    return { saved: work.length, batchId };
  });
  return result;
}
