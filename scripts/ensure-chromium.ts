/**
 * Finds a Chromium for the end-to-end tests, installs Debian's package when it can, and otherwise
 * stops with the exact steps to get one. Playwright's own browser download is never used: these
 * machines reach only the npm registry and Debian's packages.
 *
 * Order: $CHROMIUM_PATH, /usr/bin/chromium (Debian), a Chromium Playwright already has, then
 * `apt-get install chromium` when running as root with apt-get available.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { findChromium } from './lib/chromium.ts';
import { EXIT, readArgs } from './lib/cli.ts';

readArgs(`Usage: node scripts/ensure-chromium.ts

Finds (or, as root on Debian, installs) the Chromium and pdftotext the tests need.
Exit codes: 0 found, 1 missing (the message says how to get it), 2 usage error.`, {});

function installWithApt(pkg: string, missing: string): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  console.log(`No ${missing} found: installing Debian's ${pkg} package (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { stdio: 'inherit', env });
  return install.status === 0;
}

// The binders (npm run binders) and their tests read PDFs back with pdftotext, from poppler-utils.
const hasPdftotext = () => !spawnSync('pdftotext', ['-v']).error;
if (!hasPdftotext() && !(installWithApt('poppler-utils', 'pdftotext') && hasPdftotext())) {
  console.error('The binders and their tests need pdftotext. On Debian or Ubuntu: sudo apt-get install poppler-utils');
  process.exit(EXIT.problems);
}

let found = findChromium();
if (!found && installWithApt('chromium', 'Chromium')) found = findChromium();
if (!found) {
  console.error(`
The end-to-end tests need Chromium, and none was found.

  On Debian or Ubuntu:  sudo apt-get install chromium
  Elsewhere:            install Chromium or Chrome, then run
                        CHROMIUM_PATH=/path/to/chromium npm test

Looked at $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser and Playwright's browser cache.`);
  process.exit(EXIT.problems);
}
console.log(`Chromium for end-to-end tests: ${found}`);
