import { AppError } from '../../shared/contract/define.js';
import { exchangeContract, type ExchangeOverview } from '../../shared/contract/exchange.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { officeName } from '../../shared/domain/exchange.js';
import { exportPackage } from '../exchange/exportPackage.js';
import { exchangeOf, identityOf, ownPublicKeyFile, setOffice, trustOffice, untrustOffice } from '../exchange/identity.js';
import { readPublicKeyFile } from '../exchange/keys.js';
import { commitPackage, planPackage } from '../exchange/landing.js';
import { applyReceipt } from '../exchange/receipts.js';
import type { Session } from '../store/session.js';
import { fromBase64 } from './import.js';
import type { HandlersFor } from './types.js';

export function overview(doc: VaultDocument): ExchangeOverview {
  const x = exchangeOf(doc);
  return {
    ...identityOf(doc),
    sent: Object.entries(x.outbox).map(([office, b]) => ({ office, name: officeName(office), lastSequence: b.nextSeq - 1, acked: b.acked, ackedAt: b.ackedAt ?? null, waiting: b.pending.length })),
    received: Object.entries(x.inbox).map(([office, b]) => ({
      office, name: officeName(office),
      imports: b.imports.map((i) => ({ seq: i.seq, at: i.at, operator: i.operator, full: i.base === 0, undoneAt: i.undoneAt ?? null })).reverse(),
    })),
  };
}

/** The package previewed last in this session, so a large file is not sent twice. */
const previewed = new WeakMap<Session, { packageId: string; fileName: string; bytes: Buffer }>();

export const exchangeHandlers: HandlersFor<typeof exchangeContract> = {
  'exchange.overview': (_i, app) => overview(app.requireSession().doc),
  'exchange.setOffice': async ({ office }, app) => {
    const s = app.requireSession();
    await setOffice(s, office);
    return overview(s.doc);
  },
  'exchange.publicKey': (_i, app) => {
    const f = ownPublicKeyFile(app.requireSession().doc);
    return { fileName: f.fileName, base64: Buffer.from(f.text, 'utf8').toString('base64'), fingerprint: f.fingerprint };
  },
  'exchange.readKey': ({ fileName, base64 }, app) => {
    const k = readPublicKeyFile(fromBase64(base64, fileName).toString('utf8'));
    const old = exchangeOf(app.requireSession().doc).trusted.find((t) => t.office === k.office);
    return { office: k.office, name: officeName(k.office), fingerprint: k.fingerprint, replaces: old && old.fingerprint !== k.fingerprint ? old.fingerprint : null };
  },
  'exchange.trust': async ({ fileName, base64, fingerprint }, app) => {
    const s = app.requireSession();
    await trustOffice(s, fromBase64(base64, fileName).toString('utf8'), fingerprint);
    return overview(s.doc);
  },
  'exchange.untrust': async ({ office }, app) => {
    const s = app.requireSession();
    await untrustOffice(s, office);
    return overview(s.doc);
  },
  'exchange.export': async ({ to, full }, app) => {
    const r = await exportPackage(app.requireSession(), to, { full });
    const { bytes, ...rest } = r;
    return { ...rest, base64: bytes.toString('base64') };
  },
  'exchange.preview': ({ fileName, base64 }, app) => {
    const s = app.requireSession();
    const bytes = fromBase64(base64, fileName);
    const plan = planPackage(s.doc, bytes);
    previewed.set(s, { packageId: plan.opened.header.packageId, fileName, bytes });
    return { ...plan.preview, packageId: plan.opened.header.packageId };
  },
  'exchange.import': async ({ packageId, accept }, app) => {
    const s = app.requireSession();
    const p = previewed.get(s);
    if (!p || p.packageId !== packageId) throw new AppError('CONFLICT', '请先重新选择并预览该数据包');
    const r = await commitPackage(s, p.bytes, p.fileName, accept);
    previewed.delete(s);
    return r;
  },
  'exchange.receipt': async ({ fileName, base64 }, app) => {
    const r = await applyReceipt(app.requireSession(), fromBase64(base64, fileName));
    return { ...r, name: officeName(r.from) };
  },
};
