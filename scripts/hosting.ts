/**
 * Print the nginx configuration for hosting the built portal behind single sign-on:
 * npm run hosting [-- --base /social-hub --root /srv/hub-portal/dist --server-name portal.intranet.example]
 */
import { renderNginx } from '../src/lib/security-headers.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
process.stdout.write(renderNginx({ base: arg('base') ?? process.env.BASE_PATH ?? '/', root: arg('root'), serverName: arg('server-name') }));
