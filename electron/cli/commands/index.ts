import type { ParsedArgs } from '../args.js';

/** A CLI command returns the process exit code. */
export type Command = { usage: string; run: (args: ParsedArgs) => Promise<number> };

/** Add a command: write `commands/<name>.ts` and register it here. */
export const COMMANDS: Record<string, Command> = {};
