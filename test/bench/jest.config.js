// The benchmark suite runs under Jest (for TypeScript and the test database
// template), one file at a time, never as part of `npm test`.
const path = require('node:path');
const base = require('../jest.config.js');

const api = base.projects.find((p) => p.displayName === 'api');

module.exports = {
  ...api,
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'bench',
  testMatch: ['<rootDir>/test/bench/**/*.bench.ts'],
  testTimeout: 60 * 60_000,
};
