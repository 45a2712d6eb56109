import type { AnyContract, OutputOf, ParsedInputOf } from '../../shared/contract/define.js';
import type { AppState } from './appState.js';
import type { RawJson } from '../workers/rawJson.js';

/** The handler map for one feature's contract: same keys, parsed input in, result out. */
export type HandlersFor<C extends AnyContract> = {
  [K in keyof C]: (
    input: ParsedInputOf<C[K]>,
    app: AppState,
  ) => Promise<OutputOf<C[K]>> | OutputOf<C[K]> | Promise<RawJson<OutputOf<C[K]>>>;
};
