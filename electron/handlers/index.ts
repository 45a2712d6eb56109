/**
 * The complete handler map. TypeScript checks it has exactly one handler per contract method.
 * Add a feature: write `electron/handlers/<feature>.ts` and spread it below.
 */
import type { Contract } from '../../shared/contract/index.js';
import type { HandlersFor } from './types.js';
import { vaultHandlers } from './vault.js';
import { homeHandlers } from './home.js';
import { cadreHandlers, cadreWindowHandlers } from './cadre.js';
import { villageHandlers } from './village.js';
import { analysisHandlers } from './analysis.js';
import { demoHandlers } from './demo.js';
import { crossPostingHandlers } from './crossPosting.js';
import { programsHandlers } from './programs.js';
import { importHandlers } from './import.js';
import { exportHandlers } from './export.js';
import { lrmxHandlers } from './lrmx.js';
import { printHandlers } from './print.js';
import { docxHandlers } from './docx.js';
import { auditLogHandlers } from './auditLog.js';
import { filesHandlers } from './files.js';
import { jobHandlers } from './job.js';
import { exchangeHandlers } from './exchange.js';
import { attachmentHandlers } from './attachments.js';
import { termsHandlers } from './terms.js';
import { photosHandlers } from './photos.js';

export const handlers: HandlersFor<Contract> = {
  ...vaultHandlers,
  ...homeHandlers,
  ...cadreHandlers,
  ...cadreWindowHandlers,
  ...villageHandlers,
  ...analysisHandlers,
  ...demoHandlers,
  ...crossPostingHandlers,
  ...programsHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...lrmxHandlers,
  ...printHandlers,
  ...docxHandlers,
  ...auditLogHandlers,
  ...filesHandlers,
  ...jobHandlers,
  ...exchangeHandlers,
  ...attachmentHandlers,
  ...termsHandlers,
  ...photosHandlers,
};
