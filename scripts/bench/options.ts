/**
 * The options the corpus benches share (build.ts, incremental.ts, search.ts): the synthetic corpus
 * (`--pages`, `--seed`), whether its files stay (`--keep`) and the build logs (`--verbose`). Each
 * bench spreads CORPUS_OPTIONS into its own options for readArgs (scripts/lib/cli.ts), puts
 * CORPUS_USAGE in its usage text, and reads the values with readCorpusArgs. The generator's own
 * command line (corpus.ts) takes --pages and --seed alone, read with readCorpusSize.
 */
import { integerOption } from '../lib/cli.ts';

/** The fewest document entries the generator can write (splitCounts in corpus.ts): the 4 phases and one entry of each other collection. */
export const MIN_PAGES = 8;

export const CORPUS_OPTIONS = {
  pages: { type: 'string', default: '2000' },
  seed: { type: 'string', default: '7' },
  keep: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
} as const;

/**
 * The usage lines of --pages and --seed. What --keep keeps and what --verbose shows differ from bench
 * to bench, so each describes them. Options start in column 2 and their text in column 17, as in
 * every bench's usage.
 */
export const CORPUS_USAGE = `  --pages N      document entries in the synthetic corpus, at least ${MIN_PAGES} (default: ${CORPUS_OPTIONS.pages.default})
  --seed N       the corpus generator's seed: another seed, another corpus of the same shape (default: ${CORPUS_OPTIONS.seed.default})`;

export interface CorpusArgs {
  pages: number;
  seed: number;
  keep: boolean;
  verbose: boolean;
}

/**
 * --pages and --seed as numbers; a page count under MIN_PAGES or a seed that is not a whole number
 * is a usage error, before any lock or corpus.
 */
export function readCorpusSize(usage: string, values: { pages: string; seed: string }): { pages: number; seed: number } {
  return {
    pages: integerOption(usage, 'pages', values.pages, { min: MIN_PAGES }),
    // The generator takes the seed as an unsigned 32-bit integer (corpus.ts, mulberry32).
    seed: integerOption(usage, 'seed', values.seed, { min: 0, max: 2 ** 32 - 1 }),
  };
}

/** The corpus options as numbers and flags (readCorpusSize). */
export function readCorpusArgs(usage: string, values: { pages: string; seed: string; keep: boolean; verbose: boolean }): CorpusArgs {
  return { ...readCorpusSize(usage, values), keep: values.keep, verbose: values.verbose };
}
