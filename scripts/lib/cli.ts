/**
 * The command-line convention every script in scripts/ follows: options read with `node:util`
 * `parseArgs` (strict, so an unknown or misspelt option is refused, never ignored), one usage text
 * printed by `--help` and after every usage error, and the same exit codes:
 *
 *   0  done, nothing wrong
 *   1  the command ran and found a problem in the content or its input (content problems, a file
 *      that already exists, a binder that did not print)
 *   2  usage error: an unknown option, a missing or malformed value; nothing was read or written
 *
 * A command may add codes of its own above 2 and documents them in its usage (the importer exits 3
 * when source text is missing from a draft). A command with asynchronous work runs it through
 * `runMain`, which turns what it returns, or an error it throws, into the exit code.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** Print the message and the usage to stderr and exit 2. */
export function usageError(usage: string, message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(EXIT.usage);
}

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** What parseArgs returns for these options, with --help added and strict parsing. */
type Parsed<T extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: T & typeof HELP; allowPositionals: boolean; strict: true }>>;

/**
 * Read the command line: `--help` (or `-h`) prints the usage and exits 0; an unknown option, a
 * missing value, or a positional argument where none is expected exits 2 with the usage.
 */
export function readArgs<const T extends ParseArgsOptionsConfig>(
  usage: string,
  options: T,
  { positionals = false, args = process.argv.slice(2) }: { positionals?: boolean; args?: string[] } = {},
): Parsed<T> {
  let parsed: Parsed<T>;
  try {
    parsed = parseArgs({ args, options: { ...options, ...HELP }, allowPositionals: positionals, strict: true });
  } catch (cause) {
    return usageError(usage, (cause as Error).message);
  }
  // The option types are generic here, so TypeScript cannot see that `help` is always present.
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(EXIT.ok);
  }
  return parsed;
}

/** A `YYYY-MM-DD` option's value, or a usage error naming the option. */
export function dateOption(usage: string, name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    usageError(usage, `--${name} must be a date like 2026-11-28 (got "${value}").`);
  }
  return value;
}

/** A whole-number option's value within [min, max], or a usage error naming the option. */
export function integerOption(usage: string, name: string, value: string, range?: { min?: number; max?: number }): number;
export function integerOption(usage: string, name: string, value: string | undefined, range?: { min?: number; max?: number }): number | undefined;
export function integerOption(usage: string, name: string, value: string | undefined, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    usageError(usage, `--${name} must be a whole number ${max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`} (got "${value}").`);
  }
  return n;
}

/**
 * Run a command's asynchronous main and exit with the code it returns; an error it throws is printed
 * and exits 1. A script calls it under `if (import.meta.main)`, so that importing the script (its
 * helpers, or its options in the tests) runs nothing. The promise is for tests: nothing follows the exit.
 */
export function runMain(main: () => Promise<number>): Promise<void> {
  return main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(EXIT.problems);
    },
  );
}
