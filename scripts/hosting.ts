/**
 * Print the nginx configuration for hosting the built portal behind single sign-on:
 * npm run hosting [-- --base /social-hub --root /srv/hub-portal/dist --server-name portal.intranet.example
 *                    --listen "443 ssl" --auth 127.0.0.1:4180 --signal-log /var/log/nginx/hub-signals.log | --no-signals]
 * Include the output inside nginx's `http { }` block (for example as /etc/nginx/conf.d/hub-portal.conf).
 */
import { renderNginx } from '../src/lib/security-headers.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
process.stdout.write(renderNginx({
  base: arg('base') ?? process.env.BASE_PATH ?? '/',
  root: arg('root'),
  serverName: arg('server-name'),
  listen: arg('listen'),
  auth: arg('auth'),
  signalLog: process.argv.includes('--no-signals') ? false : arg('signal-log'),
}));
