/**
 * The complete handler map. TypeScript checks it has exactly one handler per contract method.
 * Add a feature: write `electron/handlers/<feature>.ts` and spread it below.
 */
import type { Contract } from '../../shared/contract/index.js';
import type { HandlersFor } from './types.js';
import { vaultHandlers } from './vault.js';
import { cadreHandlers } from './cadre.js';
import { villageHandlers } from './village.js';

export const handlers: HandlersFor<Contract> = {
  ...vaultHandlers,
  ...cadreHandlers,
  ...villageHandlers,
};
