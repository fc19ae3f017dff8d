// Jest runs on Node 24 with --experimental-vm-modules so the CommonJS tests can require()
// NestJS 12, which ships as ES modules only (see tools/check.sh and package.json scripts).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@rendezvous/api-client$': '<rootDir>/libs/api-client/src/index.ts',
    '^@rendezvous/asyncapi$': '<rootDir>/libs/asyncapi/src/index.ts',
    '^@rendezvous/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@rendezvous/contracts/values$': '<rootDir>/libs/contracts/src/values.ts',
    '^@rendezvous/platform$': '<rootDir>/libs/platform/src/index.ts',
    '^@rendezvous/testing$': '<rootDir>/libs/testing/src/index.ts',
    // ESM-only with an import-only exports map, which Jest's require() resolution skips.
    '^kubernetes-models/(.*)$': '<rootDir>/node_modules/kubernetes-models/$1.js',
  },
  setupFiles: ['reflect-metadata'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.local/'],
};

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts', '<rootDir>/deploy/test/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/{apps,libs}/*/test/**/*.int-spec.ts',
        '<rootDir>/deploy/test/**/*.int-spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      // bench/smoke.e2e-spec.ts: the benchmarks at tiny sizes against the same suite.
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts', '<rootDir>/bench/**/*.e2e-spec.ts'],
      // One suite for every e2e test, started with the README's own start command.
      globalSetup: '<rootDir>/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/e2e/support/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'secured',
      testMatch: ['<rootDir>/e2e/secured/**/*.secured-spec.ts'],
      // Its own suite, on the secured infrastructure of tools/infra/secured.sh alone.
      globalSetup: '<rootDir>/e2e/secured/global-setup.ts',
      globalTeardown: '<rootDir>/e2e/secured/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'faults',
      testMatch: ['<rootDir>/e2e/faults/**/*.fault-spec.ts'],
      // Its own suite: the faults kill its processes and infrastructure.
      globalSetup: '<rootDir>/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/e2e/support/global-teardown.ts',
    },
  ],
};
