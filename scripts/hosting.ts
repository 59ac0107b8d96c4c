/**
 * Print the nginx configuration for hosting the built portal behind single sign-on (usage below).
 * Include the output inside nginx's `http { }` block (for example as /etc/nginx/conf.d/hub-portal.conf).
 */
import { renderNginx } from '../src/lib/security-headers.ts';
import { readArgs, usageError } from './lib/cli.ts';

const USAGE = `Usage: npm run hosting [-- --base /social-hub] [--root /srv/hub-portal/dist] [--server-name portal.intranet.example]
                          [--listen "443 ssl"] [--auth 127.0.0.1:4180] [--signal-log /var/log/nginx/hub-signals.log | --no-signals]

  --base         the path prefix the site is built for (default: $BASE_PATH, else /)
  --root         the folder holding the built site (default: /srv/hub-portal/dist)
  --server-name  nginx's server_name (default: social-hub.intranet.example)
  --listen       nginx's listen (default: 443 ssl)
  --auth         the identity proxy nginx asks about every request (default: 127.0.0.1:4180)
  --signal-log   where the reader-signal location writes (default: /var/log/nginx/hub-signals.log)
  --no-signals   leave the reader-signal location out

Prints the configuration to stdout. Exit codes: 0 printed, 2 usage error.`;

const { values } = readArgs(USAGE, {
  base: { type: 'string' },
  root: { type: 'string' },
  'server-name': { type: 'string' },
  listen: { type: 'string' },
  auth: { type: 'string' },
  'signal-log': { type: 'string' },
  'no-signals': { type: 'boolean', default: false },
});
if (values['no-signals'] && values['signal-log'] !== undefined) usageError(USAGE, 'Give --signal-log or --no-signals, not both.');
process.stdout.write(renderNginx({
  base: values.base ?? process.env.BASE_PATH ?? '/',
  root: values.root,
  serverName: values['server-name'],
  listen: values.listen,
  auth: values.auth,
  signalLog: values['no-signals'] ? false : values['signal-log'],
}));
