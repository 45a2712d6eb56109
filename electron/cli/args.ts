/** Tiny argv parser: positionals plus `--flag` and `--key value` / `--key=value`. */
export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
  json: boolean;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--') && VALUE_FLAGS.has(k)) flags[k] = argv[++i];
      else flags[k] = true;
    } else positional.push(a);
  }
  return { positional, flags, json: flags.json === true };
}

/** Flags that take a value; all others are booleans. */
const VALUE_FLAGS = new Set(['operator', 'keep', 'sheet', 'template', 'count', 'seed', 'out', 'file', 'to', 'office', 'fingerprint', 'receipt', 'category', 'title', 'formed-on', 'on']);
