/**
 * `ges-jobs-kit/playwright`: one GES world per Playwright test, answered in process through
 * `page.route` or on a shared `ges-mock serve`. Needs `@playwright/test` (an optional peer).
 */
export { withGes, type GesTestFixtures, type GesWorkerFixtures } from './with-ges.js';
export type { GesTestWorld } from './ges-test-world.js';
export type { JournalEntry, JournalFilter } from '../http/request-journal.js';
