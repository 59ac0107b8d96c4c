/**
 * Build the portal on its shipped content and serve it on http://localhost:4321.
 * This is the README's first command (after npm ci). Authors editing content use `npm run dev`.
 */
import { spawnSync, spawn } from 'node:child_process';
import { EXIT, readArgs } from './lib/cli.ts';

readArgs(`Usage: npm start

Builds the portal on its shipped content and serves it on http://localhost:$PORT/ (default 4321;
$HOST sets the address, default localhost).
Exit codes: 0 stopped, 1 the build failed (the lines above it name each file and field), 2 usage error.`, {});

const PORT = process.env.PORT ?? '4321';
console.log('Building the portal (about a minute on a 2-core machine)…');
const build = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit', shell: false });
if (build.status !== 0) {
  console.error('\nThe build failed: the lines above name each file and field to fix.');
  process.exit(EXIT.problems);
}
console.log(`\nThe portal is being served on http://localhost:${PORT}/ (Ctrl+C stops it).\n`);
const server = spawn('astro', ['preview', '--port', PORT, '--host', process.env.HOST ?? 'localhost'], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
