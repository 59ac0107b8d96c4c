/**
 * Build the portal on its shipped content and serve it on http://localhost:4321.
 * This is the README's first command (after npm ci). Authors editing content use `npm run dev`.
 */
import { spawnSync, spawn } from 'node:child_process';

const PORT = process.env.PORT ?? '4321';
console.log('Building the portal (about a minute on a 2-core machine)…');
const build = spawnSync('astro', ['build'], { stdio: 'inherit', shell: false });
if (build.status !== 0) {
  console.error('\nThe build failed: the lines above name each file and field to fix.');
  process.exit(build.status ?? 1);
}
console.log(`\nThe portal is being served on http://localhost:${PORT}/ (Ctrl+C stops it).\n`);
const server = spawn('astro', ['preview', '--port', PORT, '--host', process.env.HOST ?? 'localhost'], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
