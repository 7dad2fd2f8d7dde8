// Four Jest projects: unit (specs beside the code, plus test/tooling: the dependency
// rules of .dependency-cruiser.cjs), api (supertest against a real PostgreSQL), browser
// (Playwright driving Debian's Chromium) and resilience (load, faults, backup, server
// setup; test/run.mjs runs it after the others, one file at a time).
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

// NestJS 12 and a few of its dependencies ship ES modules only; Jest's CommonJS
// runtime (Node 20) cannot require them, so swc turns them into CommonJS too.
// otplib's CommonJS build (@otplib/*) requires @noble/hashes and @scure/base, which ship ES modules only.
const ESM_PACKAGES = ['@nestjs', 'file-type', 'strtok3', 'token-types', 'uint8array-extras', '@tokenizer', '@borewit', 'load-esm', '@otplib', '@noble', '@scure'];

const common = {
  rootDir: path.resolve(__dirname, '..'),
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: { '^@mynapoint/domain$': '<rootDir>/libs/domain/src/index.ts' },
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
};

const withDatabase = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

module.exports = {
  // Per-project testTimeout is ignored by Jest 30; browser stories need the room.
  testTimeout: 180_000,
  // The long files first, on a fresh clone too (Jest alone needs a previous run's timings).
  testSequencer: path.join(__dirname, 'support', 'test-sequencer.js'),
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/apps/**/*.spec.tsx', '<rootDir>/test/tooling/**/*.spec.ts'],
    },
    {
      ...common,
      ...withDatabase,
      displayName: 'api',
      testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'],
    },
    {
      // Load, faults, backup and the server setup: long runs that print their figures.
      ...common,
      ...withDatabase,
      displayName: 'resilience',
      testMatch: ['<rootDir>/test/resilience/**/*.e2e-spec.ts'],
    },
    {
      ...common,
      ...withDatabase,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.e2e-spec.ts'],
    },
  ],
};
