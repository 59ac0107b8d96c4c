import { existsSync } from 'node:fs';

/** The first nginx executable found, or undefined. Shared by the test command and the nginx tests. */
export function findNginx(env: Record<string, string | undefined> = process.env): string | undefined {
  const candidates = [env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

export interface StandaloneOptions {
  /** The output of renderNginx: http-level lines and a server block. */
  site: string;
  /** A writable folder for nginx's pid file, error log and temporary files. */
  dir: string;
  /** nginx's mime.types; Debian's by default. */
  mimeTypes?: string;
}

/**
 * A complete nginx.conf around the generated site configuration, for running nginx without root
 * paths: pid, error log and every temporary folder under `dir`, in the foreground. Run as root,
 * nginx's workers would switch to a user that cannot read a private temporary folder; they keep
 * the current user instead.
 */
export function renderStandaloneNginx({ site, dir, mimeTypes = '/etc/nginx/mime.types' }: StandaloneOptions): string {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return `${isRoot ? 'user root root;\n' : ''}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
    include ${mimeTypes};
    default_type application/octet-stream;
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
${site.replace(/^/gm, '    ')}
}
`;
}
