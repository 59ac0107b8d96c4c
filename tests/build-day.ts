/**
 * The day every build under test is made for. Review status (fresh, due, overdue), "new" labels
 * and the offline copy's date depend on the build day; pinning it keeps every test's expectation
 * true whatever the calendar says. Move it forward (and fix what the tests then say) when content
 * is reviewed after it: the check refuses a `lastReviewed` later than the build day.
 */
export const BUILD_DAY = '2026-12-01';

/** The build time the pages carry (the offline line's date, the service worker's revision). */
export const BUILT_AT = `${BUILD_DAY}T09:00:00.000Z`;

/** The environment a build under test runs with: `npm test` builds with it, and so do the specs that build. */
export const TEST_BUILD_ENV = { HUB_TODAY: BUILD_DAY, HUB_BUILT_AT: BUILT_AT } as const;
