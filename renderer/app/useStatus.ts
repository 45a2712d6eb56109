import { createContext, useContext } from 'react';
import type { VaultStatus } from '../../shared/contract/index.js';

export interface StatusContextValue {
  status: VaultStatus;
  refresh: () => Promise<void>;
}

export const StatusContext = createContext<StatusContextValue | null>(null);

export function useVaultStatus(): StatusContextValue {
  const v = useContext(StatusContext);
  if (!v) throw new Error('StatusContext missing');
  return v;
}
