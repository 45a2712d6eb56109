import { z } from 'zod';
import { method } from './define.js';
import type { ExchangeImportResult, ExchangePreview, TrustedOffice } from '../domain/exchange.js';

/** 设置 → 数据交换: who this vault is, whom it trusts, what it sent and received. */
export interface ExchangeOverview {
  office: string | null;
  officeName: string;
  fingerprint: string | null;
  keysCreatedAt: string | null;
  officeChangeable: boolean;
  trusted: (Omit<TrustedOffice, 'signPublic' | 'boxPublic'> & { name: string })[];
  sent: { office: string; name: string; lastSequence: number; acked: number; ackedAt: string | null; waiting: number }[];
  received: { office: string; name: string; imports: { seq: number; at: string; operator: string; full: boolean; undoneAt: string | null }[] }[];
}

const fileInput = z.object({ fileName: z.string().min(1).max(260), base64: z.string().min(1, '请选择文件') });

export const exchangeContract = {
  'exchange.overview': method<ExchangeOverview>()(z.object({})),
  'exchange.setOffice': method<ExchangeOverview>()(z.object({ office: z.string().min(1, '请选择本单位').max(20) })),
  'exchange.publicKey': method<{ fileName: string; base64: string; fingerprint: string }>()(z.object({})),
  /** Reads a .pub file so the user can compare its fingerprint before trusting it. */
  'exchange.readKey': method<{ office: string; name: string; fingerprint: string; replaces: string | null }>()(fileInput),
  'exchange.trust': method<ExchangeOverview>()(fileInput.extend({ fingerprint: z.string().min(1, '请核对指纹').max(80) })),
  'exchange.untrust': method<ExchangeOverview>()(z.object({ office: z.string().min(1).max(20) })),
  'exchange.export': method<{ fileName: string; base64: string; sequence: number; base: number; full: boolean; records: Record<string, number>; tombstones: Record<string, number>; withoutVillage: number }>()(
    z.object({ to: z.string().min(1, '请选择接收单位').max(20), full: z.boolean().default(false) }),
  ),
  /** Opens and checks a package; nothing is written. The package waits on the privileged side for exchange.import. */
  'exchange.preview': method<ExchangePreview & { packageId: string }>()(fileInput),
  'exchange.import': method<ExchangeImportResult>()(
    z.object({
      packageId: z.string().min(1),
      /** all, all but conflicts, or the `collection/id` keys of the records to take. */
      accept: z.union([z.literal('all'), z.literal('nonConflicting'), z.array(z.string().max(200)).max(1_000_000)]),
    }),
  ),
  'exchange.receipt': method<{ from: string; name: string; sequence: number; declined: number }>()(fileInput),
};
