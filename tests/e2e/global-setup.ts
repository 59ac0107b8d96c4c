import { readFileSync } from 'node:fs';
import { BUILT_AT } from '../build-day.ts';

/**
 * The specs expect the site built for the pinned day (tests/build-day.ts): a dist/ from a plain
 * `npm run build` carries today's date, and review states that depend on it would drift.
 */
export default function checkBuildDay(): void {
  let html = '';
  try {
    html = readFileSync('dist/index.html', 'utf8');
  } catch {
    throw new Error('dist/index.html is missing: build the site for the tests first with npm run test:build (npm test does it).');
  }
  const built = /<meta name="hub-build" content="([^"]*)"/.exec(html)?.[1];
  if (built !== BUILT_AT) {
    throw new Error(`dist/ was built at ${built ?? 'an unknown time'}, not for the tests' pinned day (${BUILT_AT}): run npm run test:build (npm test does it).`);
  }
}
