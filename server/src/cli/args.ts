// A small, strict argument parser: flags with values, boolean flags and positionals.

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
  /** Values of repeatable options, in the order given. */
  lists: Map<string, string[]>;
}

export class UsageError extends Error {}

/**
 * `valueOptions` take a value (`--format json` or `--format=json`); `booleanFlags` do not; `repeatable` options take a
 * value and may be given several times (collected in `lists`).
 */
export function parseArgs(
  argv: string[],
  valueOptions: string[],
  booleanFlags: string[],
  repeatable: string[] = [],
): ParsedArgs {
  const result: ParsedArgs = { positionals: [], options: new Map(), flags: new Set(), lists: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      result.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      result.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (booleanFlags.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      result.flags.add(name);
    } else if (repeatable.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      result.lists.set(name, [...(result.lists.get(name) ?? []), value]);
    } else if (valueOptions.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      result.options.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return result;
}
