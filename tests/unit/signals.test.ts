import { describe, expect, it } from 'vitest';
import {
  batchSignals, cutQuery, decodeSignals, encodeSignals, MAX_ARGS, MAX_COMMENT, NGINX_ARGS_PATTERN, parseLogLine, readSearchStatus, redactComment, type Signal,
} from '../../src/lib/signals.ts';
import { SignalQueue, PAUSE_MS, THROTTLE_MS } from '../../src/lib/signal-queue.ts';
import { describeCount } from '../../src/lib/search/results.ts';
import { renderNginx } from '../../src/lib/security-headers.ts';

const search: Signal = { type: 'search', query: 'holding statement', results: 0, opened: false };
const open: Signal = { type: 'open', query: 'crisis', rank: 2, page: '/protocols/crisis-escalation/' };
const vote: Signal = { type: 'vote', page: '/playbooks/x/', helpful: false, reason: 'out-of-date', comment: 'Numbers are from 2024' };

describe('the signal wire format', () => {
  it('encodes events in order after the version, and reads them back', () => {
    const args = encodeSignals([search, open, vote]);
    expect(args).toBe('v=1&t=search&q=holding+statement&n=0&k=0&t=open&q=crisis&r=2&p=%2Fprotocols%2Fcrisis-escalation%2F&t=vote&p=%2Fplaybooks%2Fx%2F&h=0&w=out-of-date&c=Numbers+are+from+2024');
    expect(decodeSignals(args)).toEqual([search, open, vote]);
  });
  it('cuts queries at 200 characters and comments at 500, counting characters not bytes', () => {
    expect([...cutQuery('é'.repeat(300))]).toHaveLength(200);
    const [decoded] = decodeSignals(encodeSignals([{ ...vote, comment: 'ü'.repeat(900) }]))! as [Extract<Signal, { type: 'vote' }>];
    expect([...decoded.comment!]).toHaveLength(MAX_COMMENT);
  });
  it('takes e-mail addresses and long numbers out of free text', () => {
    expect(redactComment('Ask jane.doe@corp.example or call +44 20 7946 0958, ticket 12345678; step 3 of 5')).toBe('Ask [e-mail] or call [number], ticket [number]; step 3 of 5');
  });
  it('refuses malformed requests as a whole', () => {
    for (const bad of ['', 'v=2&t=search&q=a&n=0&k=0', 'v=1', 'v=1&q=a', 'v=1&t=search&q=a&n=-1&k=0', 'v=1&t=search&q=a&n=0&k=2', 'v=1&t=open&q=a&r=0&p=%2Fx%2F', 'v=1&t=open&q=a&r=1&p=http%3A%2F%2Fevil%2F',
      'v=1&t=vote&p=%2Fx%2F&h=1&w=made-up', 'v=1&t=vote&p=%2Fx%2F&h=1&w=toString', 'v=1&t=search&q=%E0%A4%A&n=0&k=0', 'v=1&t=search&q=a&q=b&n=0&k=0', `v=1&t=search&q=${'a'.repeat(201)}&n=0&k=0`, 'v=1&t=search&q=a&n=0&k=0&t=nope']) {
      expect(decodeSignals(bad), bad).toBeUndefined();
    }
  });
  it('splits a large batch into requests under the server limit, losing nothing', () => {
    const many = Array.from({ length: 40 }, (_, i): Signal => ({ ...vote, comment: `${i} ${'word '.repeat(90)}` }));
    const batches = batchSignals(many);
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(b.length).toBeLessThanOrEqual(MAX_ARGS);
    expect(batches.flatMap((b) => decodeSignals(b)!)).toHaveLength(40);
  });
  it('parses documented log lines and refuses others', () => {
    expect(parseLogLine('2026-12-04T14:03:19+00:00 v=1&t=search&q=crisis&n=0&k=0')).toEqual({ time: '2026-12-04T14:03:19+00:00', signals: [{ type: 'search', query: 'crisis', results: 0, opened: false }] });
    for (const bad of ['', 'garbage', '2026-12-04 v=1&t=search&q=crisis&n=0&k=0', '2026-12-04T14:03:19+00:00 v=1&t=search']) expect(parseLogLine(bad), bad).toBeUndefined();
  });
  it('reads the search status line the search UI writes with describeCount', () => {
    expect(readSearchStatus(describeCount(0, 'holding statement', false))).toEqual({ query: 'holding statement', results: 0 });
    expect(readSearchStatus(describeCount(1, 'crisis', false))).toEqual({ query: 'crisis', results: 1 });
    expect(readSearchStatus(describeCount(12, 'crisis', true))).toEqual({ query: 'crisis', results: 12 });
    expect(readSearchStatus('Loading the search index…')).toBeUndefined();
    expect(readSearchStatus(describeCount(40, '', false))).toBeUndefined();
  });
});

describe('the nginx check of a signal request', () => {
  // The pattern nginx applies (PCRE); JavaScript's engine reads this subset the same way.
  const nginxAccepts = (args: string) => new RegExp(`^${NGINX_ARGS_PATTERN}$`).test(args);
  it('accepts what the browser sends and refuses other shapes and sizes', () => {
    expect(nginxAccepts(encodeSignals([search, open, vote]))).toBe(true);
    for (const b of batchSignals(Array.from({ length: 30 }, () => ({ ...vote, comment: '☃'.repeat(500) })))) expect(nginxAccepts(b)).toBe(true);
    for (const bad of ['', 'v=1', 'x=1&t=search', 'v=1&t=drop&q=a', 'v=1&t=search&q=a b', 'v=1&t=search&q="x"', `v=1&t=search&q=${'a'.repeat(MAX_ARGS)}`]) expect(nginxAccepts(bad), bad).toBe(false);
  });
  it('is in the generated configuration with its own log format that has no user, address or cookie', () => {
    const conf = renderNginx({ base: '/social-hub', signalLog: '/var/log/hub/signals.log' });
    expect(conf).toContain("log_format hub_signals '$hub_signal_hour $args';");
    // The time is cut to the hour before it is logged.
    expect(conf).toContain('"~^(?<hour>\\d{4}-\\d\\d-\\d\\dT\\d\\d):\\d\\d:\\d\\d(?<zone>.*)$" "${hour}:00:00${zone}";');
    expect(conf).toContain('location = /social-hub/_signal {');
    expect(conf).toContain('access_log /var/log/hub/signals.log hub_signals if=$hub_signal_ok;');
    expect(conf.match(/log_format[^;]*;/)![0]).not.toMatch(/remote_user|remote_addr|http_cookie|user_agent|referer|time_iso8601/);
    expect(renderNginx({ signalLog: false })).not.toContain('_signal');
  });
});

describe('when the browser sends signals', () => {
  function harness() {
    let t = 0;
    const sent: string[] = [];
    const timers: { at: number; fn: () => void }[] = [];
    const q = new SignalQueue({ now: () => t, schedule: (fn, ms) => timers.push({ at: t + ms, fn }), send: (a) => sent.push(a) });
    const advance = (ms: number) => {
      t += ms;
      for (const timer of timers.splice(0).filter((x) => (x.at <= t ? (x.fn(), false) : true))) timers.push(timer);
    };
    const events = () => sent.flatMap((a) => decodeSignals(a)!);
    return { q, sent, advance, events };
  }

  it('counts only the query the reader stopped at, not each keystroke', () => {
    const { q, advance, events } = harness();
    for (const part of ['h', 'ho', 'hol', 'holding']) {
      q.searchSettled(part, 3);
      advance(300);
    }
    q.searchSettled('holding statement', 0);
    advance(PAUSE_MS);
    q.leave();
    expect(events()).toEqual([{ type: 'search', query: 'holding statement', results: 0, opened: false }]);
  });
  it('counts a query the reader paused on before typing another', () => {
    const { q, advance, events } = harness();
    q.searchSettled('crisis', 4);
    advance(PAUSE_MS + 10);
    q.searchSettled('dark period', 2);
    q.leave();
    expect(events().map((e) => e.type === 'search' && [e.query, e.opened])).toEqual([['crisis', false], ['dark period', false]]);
  });
  it('marks a search whose result was opened, and sends the opened rank and page', () => {
    const { q, events } = harness();
    q.searchSettled('crisis', 4);
    q.resultOpened('crisis', 2, 'http://host/protocols/crisis-escalation/?highlight=crisis');
    q.leave();
    expect(events()).toEqual([
      { type: 'open', query: 'crisis', rank: 2, page: '/protocols/crisis-escalation/' },
      { type: 'search', query: 'crisis', results: 4, opened: true },
    ]);
  });
  it('batches: nothing leaves before the throttle interval, then one request for all', () => {
    const { q, sent, advance } = harness();
    q.voteChosen('/playbooks/a/', true);
    q.voteSent();
    expect(sent).toHaveLength(1);
    q.searchSettled('a', 1);
    q.resultOpened('a', 1, '/playbooks/a/');
    q.resultOpened('a', 1, '/playbooks/b/');
    advance(THROTTLE_MS - 1);
    expect(sent).toHaveLength(1);
    advance(1);
    expect(sent).toHaveLength(2);
    expect(decodeSignals(sent[1]!)).toHaveLength(2);
  });
  it('sends a chosen vote with its details, or without them when the reader leaves first', () => {
    const a = harness();
    a.q.voteChosen('/playbooks/a/', false);
    a.q.voteSent('no-answer', '  Nothing on paid channels  ');
    expect(a.events()).toEqual([{ type: 'vote', page: '/playbooks/a/', helpful: false, reason: 'no-answer', comment: 'Nothing on paid channels' }]);
    const b = harness();
    b.q.voteChosen('/playbooks/a/', true);
    b.q.voteChosen('/playbooks/a/', false);
    b.q.leave();
    expect(b.events()).toEqual([{ type: 'vote', page: '/playbooks/a/', helpful: false }]);
  });
  it('stops after 60 events in one page view', () => {
    const { q, events } = harness();
    for (let i = 0; i < 100; i++) q.resultOpened('a', 1, `/playbooks/p${i}/`);
    q.leave();
    expect(events()).toHaveLength(60);
  });
});
