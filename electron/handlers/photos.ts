import { AppError } from '../../shared/contract/define.js';
import { photosContract } from '../../shared/contract/attachment.js';
import type { Session } from '../store/session.js';
import { commitPhotos, inChunks, previewPhotos, type PendingPhotos, type ProcessPhotos } from '../photos/bulkPhotos.js';
import { runInWorker } from '../workers/pool.js';
import type { HandlersFor } from './types.js';

/** The one pending 批量照片 preview per session: a second preview replaces it, locking drops it. */
const pending = new WeakMap<Session, PendingPhotos>();

export const processInWorkers: ProcessPhotos = inChunks((items) => runInWorker('photos.process', { items }));

function pendingOf(s: Session, previewId: string): PendingPhotos {
  const p = pending.get(s);
  if (!p || p.id !== previewId) throw new AppError('CONFLICT', '预览已过期（可能又做了一次预览，或档案库已锁定后重新解锁），请重新选择照片');
  return p;
}

export const photosHandlers: HandlersFor<typeof photosContract> = {
  'photos.preview': ({ source, files }, app) => {
    const s = app.requireSession();
    const { preview, pending: p } = previewPhotos(files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.base64, 'base64') })), s.doc.cadres, source);
    pending.set(s, p);
    return preview;
  },
  'photos.image': ({ previewId, key }, app) => {
    const f = pendingOf(app.requireSession(), previewId).files.get(key);
    if (!f) throw new AppError('NOT_FOUND', '预览中没有这张照片');
    return { base64: Buffer.from(f.bytes).toString('base64'), mime: f.info.mime };
  },
  'photos.commit': async ({ previewId, choices }, app) => {
    const s = app.requireSession();
    const result = await commitPhotos(s, pendingOf(s, previewId), choices, processInWorkers);
    pending.delete(s);
    app.emit({ type: 'changed', entity: 'cadres' });
    return result;
  },
};
