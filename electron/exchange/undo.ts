/**
 * Undoing an imported package (导入 → 撤销 on its batch): records it created are removed, records it
 * changed or deleted get their earlier content back, and the landed base goes back too — one save.
 * Refused, nothing changed, when a landed record was edited since or a later package from the same
 * office is still in place (its base would no longer hold).
 */
import { AppError } from '../../shared/contract/define.js';
import type { ImportBatch } from '../../shared/domain/document.js';
import { collectionLabel, officeName } from '../../shared/domain/exchange.js';
import type { Session } from '../store/session.js';
import { accessOf, EXCHANGED_COLLECTIONS, type ExchangedRecord } from './collections.js';
import { recordHash } from './hashing.js';
import { exchangeOf } from './identity.js';

export async function undoExchangeBatch(session: Session, batch: ImportBatch): Promise<{ removed: number; restored: number }> {
  const inboxes = exchangeOf(session.doc).inbox;
  const found = Object.entries(inboxes).flatMap(([from, box]) => box.imports.filter((i) => i.batchId === batch.id).map((imp) => ({ from, box, imp })))[0];
  if (!found) throw new AppError('NOT_FOUND', '找不到该数据包的导入记录');
  const { from, box, imp } = found;
  const later = box.imports.find((i) => !i.undoneAt && i.seq > imp.seq);
  if (later) throw new AppError('CONFLICT', `之后又导入了${officeName(from)}的第 ${later.seq} 号数据包，请先撤销那一批`);
  for (const [name, hashes] of Object.entries(imp.undo.after)) {
    const here = new Map(accessOf(name).list(session.doc).map((r) => [r.id, r]));
    for (const [id, h] of Object.entries(hashes)) {
      const r = here.get(id);
      if (r && recordHash(r) !== h) {
        throw new AppError('CONFLICT', `${collectionLabel(name)}“${EXCHANGED_COLLECTIONS[name]?.label(r) ?? id}”在导入后被修改过，撤销会丢掉这些修改；请先处理该记录`);
      }
    }
  }
  return session.mutate((doc, audit) => {
    let removed = 0;
    let restored = 0;
    for (const [name, ids] of Object.entries(imp.undo.created)) {
      for (const id of ids) {
        accessOf(name).remove(doc, id);
        removed++;
      }
    }
    for (const [name, records] of Object.entries(imp.undo.replaced)) {
      for (const r of records) {
        accessOf(name).put(doc, structuredClone(r as ExchangedRecord));
        restored++;
      }
    }
    const x = exchangeOf(doc).inbox[from];
    for (const [name, ids] of Object.entries(imp.undo.landedBefore)) {
      const landed = (x.landed[name] ??= {});
      for (const [id, h] of Object.entries(ids)) {
        if (h === null) delete landed[id];
        else landed[id] = h;
      }
    }
    const stamp = new Date().toISOString();
    x.imports.find((i) => i.batchId === batch.id)!.undoneAt = stamp;
    doc.importBatches.find((b) => b.id === batch.id)!.undoneAt = stamp;
    audit({
      action: 'import.undo', entity: 'importBatches', recordId: batch.id, batchId: batch.id,
      summary: `撤销导入${officeName(from)}的第 ${imp.seq} 号数据包“${batch.fileName}”：删除 ${removed} 条，恢复 ${restored} 条（如需重新接收，可再次导入该数据包）`,
    });
    return { removed, restored };
  });
}
