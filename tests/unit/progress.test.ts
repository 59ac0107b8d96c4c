import { describe, expect, it } from 'vitest';
import { chooseCurrentPath, continueWhere, doneCount, parseProgress, setStepDone, type PathSummary } from '../../src/lib/progress.ts';
import { pathPositions } from '../../src/lib/paths.ts';

const path = (id: string, steps: string[]): PathSummary => ({ id, title: id, url: `/paths/${id}/`, steps: steps.map((k) => ({ key: k, title: k, url: `/${k}/` })) });

describe('path ordering', () => {
  const paths = [{ id: 'p', data: { title: 'P', steps: [{ entry: 'policy/a' }, { entry: 'playbooks/b' }, { entry: 'protocols/c' }] } }];
  it('places an entry at its step with the neighbours in order', () => {
    expect(pathPositions(paths, 'playbooks/b')).toEqual([{ pathId: 'p', key: 'playbooks/b', pathTitle: 'P', step: 2, total: 3, prev: 'policy/a', next: 'protocols/c' }]);
  });
  it('the first step has no previous, the last no next, and others are not on the path', () => {
    expect(pathPositions(paths, 'policy/a')[0]).toMatchObject({ step: 1, prev: undefined, next: 'playbooks/b' });
    expect(pathPositions(paths, 'protocols/c')[0]).toMatchObject({ step: 3, next: undefined });
    expect(pathPositions(paths, 'glossary/x')).toEqual([]);
  });
});

describe('progress kept in the browser', () => {
  it('survives junk in storage', () => {
    expect(parseProgress('not json')).toEqual({});
    expect(parseProgress('{"p":{"done":[1,"a"],"at":"2026-01-01"},"q":5}')).toEqual({ p: { done: ['a'], at: '2026-01-01' } });
  });
  it('ticks and unticks steps', () => {
    let p = setStepDone({}, 'p', 'a', true, '2026-01-01');
    p = setStepDone(p, 'p', 'b', true, '2026-01-02');
    p = setStepDone(p, 'p', 'a', false, '2026-01-03');
    expect(p).toEqual({ p: { done: ['b'], at: '2026-01-03' } });
  });
  it('continues the most recent unfinished path at its first undone step', () => {
    const paths = [path('p', ['a', 'b', 'c']), path('q', ['x', 'y'])];
    const progress = { p: { done: ['a', 'c'], at: '2026-01-02' }, q: { done: ['x', 'y'], at: '2026-01-03' } };
    expect(continueWhere(progress, paths)).toMatchObject({ path: { id: 'p' }, done: 2, next: { key: 'b' } });
    expect(continueWhere({}, paths)).toBeUndefined();
  });
});

describe('the current path on a page that is a step of several', () => {
  const progress = { a: { done: ['x'], at: '2026-01-02' }, b: { done: ['y'], at: '2026-01-05' }, c: { done: [], at: '2026-01-09' } };
  it('prefers the path named on the address, then the one chosen in this tab', () => {
    expect(chooseCurrentPath(['a', 'b'], { param: 'a', session: 'b', progress })).toBe('a');
    expect(chooseCurrentPath(['a', 'b'], { param: 'zzz', session: 'a', progress })).toBe('a');
  });
  it('else the started path touched last; a path with nothing done is not started', () => {
    expect(chooseCurrentPath(['a', 'b', 'c'], { progress })).toBe('b');
    expect(chooseCurrentPath(['c'], { progress })).toBeUndefined();
    expect(chooseCurrentPath(['a', 'b'], { param: null, session: null, progress: {} })).toBeUndefined();
  });
  it('counts only steps still on the path', () => {
    expect(doneCount({ p: { done: ['s1', 'gone', 's2'], at: '' } }, 'p', ['s1', 's2', 's3'])).toBe(2);
    expect(doneCount({}, 'p', ['s1'])).toBe(0);
  });
});
