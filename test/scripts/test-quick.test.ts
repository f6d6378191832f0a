/** `npm run test:quick` runs the tests of the layers a change touches, and only those. */
import { expect, it } from 'vitest';
import { testTargetsOf } from '../../scripts/test-quick.js';

const folders = new Set([
  'test/engine',
  'test/cli',
  'test/msw',
  'test/spec',
  'test/http',
  'test/inspector',
  'src/inspector',
  'test/contracts',
]);
const exists = (path: string) => folders.has(path);

it('maps each changed file to its layer: test/<layer>/, and the tests beside its sources', () => {
  expect(testTargetsOf(['src/engine/job-factory.ts', 'cli/serve-flags.ts'], exists)).toEqual(['test/cli/', 'test/engine/']);
  expect(testTargetsOf(['src/inspector/inspector-script.ts'], exists)).toEqual(['src/inspector/', 'test/inspector/']);
  expect(testTargetsOf(['mocks/node.ts', 'src/generated/openapi.ts', 'src/types.ts'], exists)).toEqual([
    'test/engine/',
    'test/msw/',
    'test/spec/',
  ]);
  expect(testTargetsOf(['test/http/head-requests.test.ts', 'test/contracts/support/x.ts'], exists)).toEqual([
    'test/contracts/',
    'test/http/',
  ]);
});

it('runs nothing for a change outside the layers (docs, the browser suites, the consumer project)', () => {
  expect(testTargetsOf(['README.md', 'docs/engine.md', 'test/e2e/dashboard-msw.test.ts', 'test/consumer/tests/x.test.ts'], exists)).toEqual(
    [],
  );
});
