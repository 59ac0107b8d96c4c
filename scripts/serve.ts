/**
 * A small static server for the built site, used by the end-to-end tests and the benchmarks.
 * `astro preview` allows one server per project, so tests would collide with a running `npm start`.
 * Serves dist/ (or --dir) under BASE_PATH with the production security headers, and answers
 * unknown paths with 404.html and status 404.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { securityHeadersFor, cacheControl } from '../src/lib/security-headers.ts';
import { integerOption, readArgs } from './lib/cli.ts';

const USAGE = `Usage: node scripts/serve.ts [--port 4322] [--dir dist]

  --port  the port on 127.0.0.1 (default: 4322); 0 picks a free one, printed on start
  --dir   the built site to serve (default: dist), under $BASE_PATH

Exit codes: 0 stopped, 2 usage error.`;

const { values } = readArgs(USAGE, { port: { type: 'string', default: '4322' }, dir: { type: 'string', default: 'dist' } });
// 0 is a port too: the system picks a free one (the tests and the benches ask for it).
const port = integerOption(USAGE, 'port', values.port, { min: 0, max: 65535 });
const root = resolve(values.dir);
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

function resolveFile(urlPath: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const rel = decodeURIComponent(urlPath.slice(base.length));
  const full = normalize(join(root, rel));
  if (!full.startsWith(root)) return undefined;
  if (existsSync(full) && statSync(full).isFile()) return full;
  const index = join(full, 'index.html');
  if (existsSync(index)) return index;
  return undefined;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === base.slice(0, -1)) {
    res.writeHead(301, { location: base }).end();
    return;
  }
  const file = resolveFile(url.pathname);
  const status = file ? 200 : 404;
  const path = file ?? join(root, '404.html');
  // The same headers the production host sends (npm run hosting), so tests run under them.
  res.writeHead(status, { ...securityHeadersFor(path), 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': cacheControl(url.pathname) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A file can vanish between the check and the read (a rebuild clears dist/): answer that one
  // request with an error, rather than let the stream's error stop the server.
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
});
// --port 0 picks a free port; the line below says which (tests read it).
server.listen(port, '127.0.0.1', () => console.log(`Serving ${root} on http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`));
