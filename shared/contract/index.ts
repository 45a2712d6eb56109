/**
 * The one typed contract between the renderer and the privileged side.
 * Each feature contributes its own map; the router validates every call's input with
 * the method's zod schema. Add a feature: write `<feature>.ts` here and spread it below.
 */
import { vaultContract } from './vault.js';
import { homeContract } from './home.js';
import { cadreContract } from './cadre.js';
import { cadreWindowContract } from './cadreWindow.js';
import { villageContract } from './village.js';
import { analysisContract } from './analysis.js';
import { demoContract } from './demo.js';
import { crossPostingContract } from './crossPosting.js';
import { programsContract } from './programs.js';
import { importContract, exportContract } from './import.js';
import { lrmxContract } from './lrmx.js';
import { printContract } from './print.js';
import { docxContract, docxImportContract } from './docx.js';
import { auditLogContract } from './audit.js';
import { filesContract } from './files.js';
import { jobContract, type ProgressEvent } from './job.js';
import { exchangeContract } from './exchange.js';
import { attachmentContract, photosContract } from './attachment.js';
import { termsContract } from './terms.js';
import type { InputOf, OutputOf } from './define.js';

export const contract = {
  ...vaultContract,
  ...homeContract,
  ...cadreContract,
  ...cadreWindowContract,
  ...villageContract,
  ...analysisContract,
  ...demoContract,
  ...crossPostingContract,
  ...programsContract,
  ...importContract,
  ...exportContract,
  ...lrmxContract,
  ...printContract,
  ...docxContract,
  ...docxImportContract,
  ...auditLogContract,
  ...filesContract,
  ...jobContract,
  ...exchangeContract,
  ...attachmentContract,
  ...termsContract,
  ...photosContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<K extends MethodName> = InputOf<Contract[K]>;
export type Output<K extends MethodName> = OutputOf<Contract[K]>;

/** Server → renderer notifications. */
export type AppEvent = { type: 'locked'; reason: 'idle' | 'manual' } | { type: 'changed'; entity: string } | ProgressEvent;

export * from './define.js';
export type { VaultStatus, BackupInfo } from './vault.js';
export type { ProgressEvent } from './job.js';
