/**
 * Finds nginx for the end-to-end tests that run the generated hosting configuration
 * (tests/e2e/nginx.spec.ts), installs Debian's package when it can, and otherwise stops with the
 * steps to get one, like scripts/ensure-chromium.ts does for Chromium.
 *
 * Order: $NGINX_PATH, /usr/sbin/nginx (Debian), /usr/bin/nginx, /usr/local, then
 * `apt-get install nginx` when running as root with apt-get available.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { findNginx } from './lib/nginx.ts';
import { EXIT, readArgs } from './lib/cli.ts';

readArgs(`Usage: node scripts/ensure-nginx.ts

Finds (or, as root on Debian, installs) the nginx the hosting tests need.
Exit codes: 0 found, 1 missing (the message says how to get it), 2 usage error.`, {});

function installWithApt(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  console.log('No nginx found: installing Debian\'s nginx package (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx'], { stdio: 'inherit', env });
  return install.status === 0;
}

let found = findNginx();
if (!found && installWithApt()) found = findNginx();
if (!found) {
  console.error(`
The end-to-end tests of the hosting configuration need nginx, and none was found.

  On Debian or Ubuntu:  sudo apt-get install nginx
  Elsewhere:            install nginx, then run
                        NGINX_PATH=/path/to/nginx npm test

Looked at $NGINX_PATH, /usr/sbin/nginx, /usr/bin/nginx and /usr/local.`);
  process.exit(EXIT.problems);
}
console.log(`nginx for end-to-end tests: ${found}`);
