/**
 * The contract kit inside a user's vitest suite (ges-jobs-kit/contracts/vitest), against
 * `ges-mock serve` started from this project's node_modules/.bin.
 */
import { afterAll, beforeAll } from 'vitest';
import { defineContractTests } from 'ges-jobs-kit/contracts/vitest';
import { startMock, type RunningMock } from './support/installed-bin.js';

let mock: RunningMock | undefined;
beforeAll(async () => {
  mock = await startMock(['--port', '0', '--seed', '7']);
});
afterAll(() => mock?.stop());

// No forbiddenToken: this mock accepts any token (no --token), so no token is refused with 403, and
// the two forbidden-token checks report themselves skipped ("no --forbidden-token given"). Those
// checks run against a token-bound mock in the repository's own contract suites.
defineContractTests(() => ({
  baseUrl: mock!.url,
  projectId: '0123456789abcdef0123456789abcdef',
  graph: 'movie',
  token: process.env.GES_TOKEN ?? 'contract-token',
  allowMutations: true,
}));
