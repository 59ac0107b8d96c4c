/**
 * The nginx side of reader signals (src/lib/signals.ts): a request to SIGNAL_PATH is checked by
 * the identity proxy like every other request, answered 204 and written to its own log as
 * `<ISO 8601 time, cut to the hour> <query string>`: no address, user name, cookie, referrer or browser. A request
 * whose query string is not a signal, or that has a body, gets 400 and is not logged.
 */
import { NGINX_ARGS_PATTERN, SIGNAL_PATH } from './signals.ts';

/** Where `npm run hosting` writes signals unless told otherwise. */
export const DEFAULT_SIGNAL_LOG = '/var/log/nginx/hub-signals.log';

/**
 * http-level directives (nginx allows log_format and map only there): the log's format, and
 * `$hub_signal_ok`, 1 for a body-less POST (what sendBeacon sends) whose query string has the signal shape;
 * no GET, so an image on another page cannot write to the log.
 */
export function signalsHttpDirectives(): string {
  return `# Reader signals: one line per request, the hour and the query string only (no address, no user).
# The time is cut to the hour: to the second, it could be matched with the sign-in log's entries.
map $time_iso8601 $hub_signal_hour {
    default "";
    "~^(?<hour>\\d{4}-\\d\\d-\\d\\dT\\d\\d):\\d\\d:\\d\\d(?<zone>.*)$" "\${hour}:00:00\${zone}";
}
log_format hub_signals '$hub_signal_hour $args';
map "$request_method:$content_length$http_transfer_encoding:$args" $hub_signal_ok {
    default 0;
    "~^POST:0?:${NGINX_ARGS_PATTERN}$" 1;
}
`;
}

/**
 * The server-level locations. `return` runs before auth_request in nginx's phases, so the exact
 * location only authenticates and hands over (try_files, after the access phase) to a named
 * location that checks, answers and logs.
 */
export function signalsLocations(prefix: string, log: string): string {
  return `    # Reader signals (HUB_SIGNALS=1 builds): 204 and one line in ${log}; see README "Reader signals".
    location = ${prefix}${SIGNAL_PATH.slice(1)} {
        auth_request /oauth2/auth;
        access_log off;
        try_files /nonexistent @hub_signal;
    }
    location @hub_signal {
        access_log ${log} hub_signals if=$hub_signal_ok;
        if ($hub_signal_ok = 0) { return 400; }
        return 204;
    }
`;
}
