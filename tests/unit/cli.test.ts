/**
 * The command-line convention (scripts/lib/cli.ts): parseArgs, one usage text, exit codes 0 ok,
 * 1 problems found, 2 usage error. The helper runs in-process, and every script in scripts/ is loaded
 * (in-process too: starting Node 24 per script costs seconds) with --help and with an unknown option.
 * The benches in scripts/bench/ and its corpus generator run their work only as the started script,
 * so their exported readOptions(args), the first thing each runs, is called instead.
 */
import { describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dateOption, EXIT, integerOption, readArgs, runMain } from '../../scripts/lib/cli.ts';
import { MIN_PAGES } from '../../scripts/bench/options.ts';

const USAGE = 'Usage: npm run example [-- --dir content]';

/** Run fn with process.exit turned into a thrown code, and collect what it prints. */
async function runAsync(fn: () => unknown): Promise<{ code: number | undefined; out: string; err: string; result?: unknown }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => {
    throw Object.assign(new Error('exit'), { exitCode: Number(code ?? 0) });
  });
  try {
    const result = await fn();
    return { code: undefined, out: out.join('\n'), err: err.join('\n'), result };
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode;
    if (code === undefined) throw e;
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('readArgs', () => {
  const options = { dir: { type: 'string', default: 'content' }, mdx: { type: 'boolean', default: false } } as const;

  it('reads options and positionals', async () => {
    const { code, result } = await runAsync(() => readArgs(USAGE, options, { positionals: true, args: ['playbooks', 'A title', '--dir', 'x', '--mdx'] }));
    expect(code).toBeUndefined();
    expect(result).toMatchObject({ values: { dir: 'x', mdx: true, help: false }, positionals: ['playbooks', 'A title'] });
  });
  it('--help and -h print the usage to stdout and exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = await runAsync(() => readArgs(USAGE, options, { args: [flag] }));
      expect(code).toBe(EXIT.ok);
      expect(out).toBe(USAGE);
      expect(err).toBe('');
    }
  });
  it('an unknown option, a missing value or an unexpected positional exits 2 with the message and the usage', async () => {
    for (const args of [['--dri', 'x'], ['--dir'], ['stray']]) {
      const { code, err } = await runAsync(() => readArgs(USAGE, options, { args }));
      expect(code, args.join(' ')).toBe(EXIT.usage);
      expect(err).toContain(USAGE);
      expect(err.split('\n')[0]).toMatch(/--dri|--dir|stray/);
    }
  });
  it('the codes are 0, 1 and 2', async () => {
    expect(EXIT).toEqual({ ok: 0, problems: 1, usage: 2 });
  });
});

describe('dateOption', () => {
  it('passes a real date and undefined through', async () => {
    expect((await runAsync(() => dateOption(USAGE, 'since', '2026-02-28'))).result).toBe('2026-02-28');
    expect((await runAsync(() => dateOption(USAGE, 'since', undefined))).result).toBeUndefined();
  });
  it('refuses anything else with a usage error naming the option', async () => {
    for (const bad of ['yesterday', '2026-13-01', '26-11-01']) {
      const { code, err } = await runAsync(() => dateOption(USAGE, 'since', bad));
      expect(code, bad).toBe(EXIT.usage);
      expect(err).toMatch(new RegExp(`^--since must be a date like \\d{4}-\\d{2}-\\d{2} \\(got "${bad}"\\)`));
    }
  });
});

describe('integerOption', () => {
  it('passes a whole number in range and undefined through', async () => {
    expect((await runAsync(() => integerOption(USAGE, 'runs', '3'))).result).toBe(3);
    expect((await runAsync(() => integerOption(USAGE, 'seed', '0', { min: 0 }))).result).toBe(0);
    expect((await runAsync(() => integerOption(USAGE, 'port', '65535', { max: 65535 }))).result).toBe(65535);
    expect((await runAsync(() => integerOption(USAGE, 'port', undefined))).result).toBeUndefined();
  });
  it('refuses anything else with a usage error naming the option and its range', async () => {
    for (const bad of ['0', 'abc', '-1', '1.5', '2e3', '', '65536']) {
      const { code, err } = await runAsync(() => integerOption(USAGE, 'runs', bad, { max: 65535 }));
      expect(code, bad).toBe(EXIT.usage);
      expect(err.split('\n')[0]).toBe(`--runs must be a whole number from 1 to 65535 (got "${bad}").`);
      expect(err).toContain(USAGE);
    }
    expect((await runAsync(() => integerOption(USAGE, 'pages', '0'))).err).toMatch(/^--pages must be a whole number of at least 1 \(got "0"\)/);
  });
});

describe('runMain', () => {
  /** Run main through runMain with process.exit recorded instead of exiting. */
  const exitOf = async (main: () => Promise<number>) => {
    let code: number | undefined;
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(process, 'exit').mockImplementation(((c?: number) => void (code = c)) as typeof process.exit);
    try {
      await runMain(main);
      return { code, err: err.mock.calls.flat() };
    } finally {
      vi.restoreAllMocks();
    }
  };
  it('exits with the code main returns', async () => {
    expect((await exitOf(async () => EXIT.ok)).code).toBe(EXIT.ok);
    expect((await exitOf(async () => EXIT.problems)).code).toBe(EXIT.problems);
  });
  it('prints an error main throws and exits 1', async () => {
    const failure = new Error('the build failed');
    const { code, err } = await exitOf(async () => {
      throw failure;
    });
    expect(code).toBe(EXIT.problems);
    expect(err).toEqual([failure]);
  });
});

describe('every script follows the convention', () => {
  const scripts = readdirSync('scripts').filter((f) => f.endsWith('.ts')).sort();
  /** Load the script fresh with these arguments, in-process; it must stop in readArgs, before any work. */
  const call = async (script: string, ...args: string[]) => {
    const argv = process.argv;
    process.argv = [argv[0]!, resolve('scripts', script), ...args];
    vi.resetModules();
    try {
      return await runAsync(() => import(`../../scripts/${script}`));
    } finally {
      process.argv = argv;
    }
  };

  it.each(scripts)('%s: --help prints its usage and exits 0; an unknown option exits 2 with the usage', async (script) => {
    const help = await call(script, '--help');
    expect(help.code, help.err).toBe(EXIT.ok);
    expect(help.out).toMatch(/^Usage: (npm|node) /);
    expect(help.out).toMatch(/Exit codes: 0 /);
    const unknown = await call(script, '--no-such-option');
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.err).toMatch(/no-such-option[\s\S]*\n\nUsage: /);
  });

  it('serve.ts: a --port that is not a whole number from 0 to 65535 exits 2 with the usage, before it listens', async () => {
    for (const bad of ['abc', '65536', '1.5', '']) {
      const { code, err } = await call('serve.ts', '--port', bad);
      expect(code, bad).toBe(EXIT.usage);
      expect(err.split('\n')[0], bad).toBe(`--port must be a whole number from 0 to 65535 (got "${bad}").`);
      expect(err, bad).toContain('\n\nUsage: node scripts/serve.ts ');
    }
  });
});

describe('every bench follows the convention', () => {
  /**
   * The command lines in scripts/bench/: the files package.json's bench scripts run (npm run bench,
   * bench:search…) and every other file there that runs as the started script (`if
   * (import.meta.main)`: the corpus generator), called by node.
   */
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const inPackage = Object.entries(scripts).flatMap(([name, command]) => {
    const file = /^node (scripts\/bench\/[\w-]+\.ts)$/.exec(command)?.[1];
    return file ? [{ file, command: `npm run ${name}` }] : [];
  });
  const standalone = readdirSync('scripts/bench')
    .map((f) => `scripts/bench/${f}`)
    .filter((file) => file.endsWith('.ts') && !inPackage.some((b) => b.file === file) && readFileSync(file, 'utf8').includes('if (import.meta.main)'))
    .map((file) => ({ file, command: `node ${file}` }));
  const benches = [...inPackage, ...standalone];
  /** The bench's readOptions(args), which its main runs before anything else. */
  const readOptionsOf = async (file: string) => {
    const mod = (await import(/* @vite-ignore */ `../../${file}`)) as { readOptions?: (args: string[]) => unknown };
    expect(mod.readOptions, `${file} exports readOptions(args)`).toBeTypeOf('function');
    return mod.readOptions!;
  };

  it('finds every bench in package.json and the corpus generator', () => {
    expect(benches.map((b) => b.command)).toEqual(
      expect.arrayContaining(['npm run bench', 'npm run bench:incremental', 'npm run bench:search', 'npm run bench:relevance', 'npm run bench:signals', 'node scripts/bench/corpus.ts']),
    );
  });

  it.each(benches)('$command: --help prints its usage and exits 0; an unknown option or a bad number exits 2 with the usage', async ({ command, file }) => {
    const readOptions = await readOptionsOf(file);
    const help = await runAsync(() => readOptions(['--help']));
    expect(help.code, help.err).toBe(EXIT.ok);
    expect(help.out.startsWith(`Usage: ${command} `), help.out.split('\n')[0]).toBe(true);
    expect(help.out).toMatch(/\nExit codes: 0 .*, 2 usage error/);
    // Each refused command line, with what the first line of the message must name.
    const refused: [string[], string][] = [[['--no-such-option'], '--no-such-option'], [['stray'], 'stray']];
    // A count the usage offers must be a whole number of at least 1.
    for (const option of ['--pages', '--runs', '--lines']) if (help.out.includes(`\n  ${option} N `)) refused.push([[option, 'abc'], option], [[option, '0'], option]);
    // The generator needs MIN_PAGES document entries: fewer is refused here too, not met after the lock.
    if (help.out.includes('\n  --pages N ')) refused.push([['--pages', String(MIN_PAGES - 1)], '--pages']);
    for (const [args, named] of refused) {
      const { code, err } = await runAsync(() => readOptions(args));
      expect(code, args.join(' ')).toBe(EXIT.usage);
      expect(err.split('\n')[0], args.join(' ')).toContain(named);
      expect(err, args.join(' ')).toContain(`\n\nUsage: ${command} `);
    }
  });
});
