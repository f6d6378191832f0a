/**
 * The kit's layering, checked by `npm run check:arch` (dependency-cruiser). Arrows run downwards:
 * cli/ -> contracts/, mocks/ -> src/ (http, server, inspector, spec) -> src/engine; the engine is
 * pure, and nothing imports in a cycle (type-only imports count: a type cycle is still a knot).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Modules import in one direction; a cycle (even of types) means two modules are one.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: 'The engine knows no transport, clock, adapter, contract kit or command line.',
      from: { path: '^src/engine/' },
      to: { path: '^(src/(http|server|inspector|clocks\\.ts)|mocks|contracts|cli)(/|$)' },
    },
    {
      name: 'engine-uses-no-node-builtins',
      severity: 'error',
      comment: 'The engine runs anywhere (browser workers included): no node: modules.',
      from: { path: '^src/engine/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'library-does-not-import-upwards',
      severity: 'error',
      comment: 'src/ is the library core: adapters (mocks/), the contract kit and the command line stand above it.',
      from: { path: '^src/' },
      to: { path: '^(mocks|contracts|cli|test|bench|scripts)/' },
    },
    {
      name: 'kits-do-not-import-the-command-line',
      severity: 'error',
      comment: 'cli/ is the only impure edge (argv, console, exit); the kits it drives never import it.',
      from: { path: '^(contracts|mocks)/' },
      to: { path: '^(cli|test|bench|scripts)/' },
    },
    {
      name: 'published-code-uses-no-dev-dependency',
      severity: 'error',
      comment:
        'dist/ is built from src/, mocks/, contracts/ and cli/: a package they import at run time must be a dependency ' +
        '(or an optional peer, below), never a devDependency, or an installed kit crashes with ERR_MODULE_NOT_FOUND.',
      from: { path: '^(src|mocks|contracts|cli)/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['npm-dev', 'npm-no-pkg', 'npm-unknown'], dependencyTypesNot: ['type-only', 'npm', 'npm-peer'] },
    },
    {
      name: 'optional-peers-only-behind-their-export',
      severity: 'error',
      comment:
        'An optional peer is loaded only on the path that needs it: msw by ges-jobs-kit/msw*, vitest by ' +
        'ges-jobs-kit/contracts/vitest, @playwright/test by ges-jobs-kit/playwright. The core (src/), the contract kit and the ' +
        'command line work with none of them installed.',
      from: { path: '^(src|contracts|cli)/', pathNot: '^contracts/define-contract-tests\\.ts$|^src/playwright/|\\.test\\.ts$' },
      to: { dependencyTypes: ['npm-peer'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable-import',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    // test/consumer is a user's project: it imports the packed kit by name, resolvable only there.
    exclude: { path: '^(dist|test/consumer(-empty)?|generators)/' },
  },
};
