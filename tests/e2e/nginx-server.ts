/**
 * A real nginx for the end-to-end tests: the configuration `npm run hosting` prints, rendered for
 * a temporary folder, a 127.0.0.1 port and a stub identity proxy, on a build of the portal.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNginx, renderStandaloneNginx } from '../../scripts/lib/nginx.ts';

/** The cookie the stub identity proxy accepts as "signed in". */
export const SESSION_COOKIE = { name: 'hub_test_session', value: 'signed-in' };
/** The user name the stub hands back to nginx; it must never reach the signal log. */
export const STUB_USER = 'reader.one@intranet.example';

/** A port the OS says is free now, unless one is given. */
export async function freePort(given?: string): Promise<number> {
  if (given) return Number(given);
  return new Promise((resolve, reject) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

/**
 * The identity proxy's part in auth_request, like oauth2-proxy: /oauth2/auth answers 202 with the
 * user for a signed-in cookie and 401 otherwise; /oauth2/start sends the reader to sign in.
 */
export function startIdentityStub(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const signedIn = (req.headers.cookie ?? '').split(/;\s*/).includes(`${SESSION_COOKIE.name}=${SESSION_COOKIE.value}`);
    if (url.pathname === '/oauth2/auth') {
      res.writeHead(signedIn ? 202 : 401, signedIn ? { 'X-Auth-Request-User': STUB_USER } : {}).end();
    } else if (url.pathname === '/oauth2/start') {
      res.writeHead(302, { location: `/oauth2/sign_in?rd=${encodeURIComponent(url.searchParams.get('rd') ?? '/')}` }).end();
    } else if (url.pathname === '/oauth2/sign_in') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Sign in</title><h1>Sign in with your company account</h1>');
    } else res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

export interface RunningNginx { process: ChildProcess; conf: string; signalLog: string; errorLog: string; stop: () => Promise<void> }

/** Renders the hosting configuration for `root`, checks it with `nginx -t`, and starts nginx in the foreground. */
export async function startNginx({ dir, root, base, port, authPort }: { dir: string; root: string; base: string; port: number; authPort: number }): Promise<RunningNginx & { test: string }> {
  const nginx = findNginx();
  if (!nginx) throw new Error('No nginx: run `node scripts/ensure-nginx.ts` (npm test does).');
  const signalLog = join(dir, 'signals.log');
  const conf = join(dir, 'nginx.conf');
  // The configuration exactly as `npm run hosting` prints it, wrapped for a non-root nginx.
  const hosting = spawnSync(process.execPath, ['scripts/hosting.ts', '--base', base, '--root', root, '--listen', `127.0.0.1:${port}`, '--auth', `127.0.0.1:${authPort}`, '--signal-log', signalLog], { encoding: 'utf8' });
  if (hosting.status !== 0) throw new Error(`npm run hosting failed:\n${hosting.stderr}`);
  writeFileSync(join(dir, 'hub-portal.conf'), hosting.stdout);
  writeFileSync(conf, renderStandaloneNginx({ dir, site: hosting.stdout }));
  // Workers read the site from the private temporary folder the test made.
  chmodSync(dir, 0o755);
  const check = spawnSync(nginx, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' });
  const test = `${check.stdout}${check.stderr}`;
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${test}`);
  const child = spawn(nginx, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx stopped at start (exit ${child.exitCode}); see ${join(dir, 'error.log')}`);
    const up = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGQUIT');
  });
  return { process: child, conf, signalLog, errorLog: join(dir, 'error.log'), stop, test };
}
