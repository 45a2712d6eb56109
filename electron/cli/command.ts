import type { ParsedArgs } from './args.js';

/** A CLI command returns the process exit code. Kept apart from the registry so commands need not import it. */
export type Command = { usage: string; run: (args: ParsedArgs) => Promise<number> };
