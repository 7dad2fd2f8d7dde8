// Longest files first, so that neither of Jest's two workers is left running a long
// file alone at the end. Jest orders by the durations of the last run in its cache; a
// fresh clone (CI) has none, and Jest then orders by file size, which started the axe
// walk's four small files last. So the files that take a minute or more are listed here
// with their time, and a file neither in the cache nor in the list counts one second per
// kB of source (about what an API e2e file takes), which keeps Jest's order among those.
const { relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

// Seconds each took with two workers on the 2-core machine (2026-12-08, a quiet run: their
// order is what counts). A file that grows past about 40 s belongs here.
const SECONDS = {
  'test/browser/accessibility-counter-manager.e2e-spec.ts': 148,
  'test/browser/accessibility-admin.e2e-spec.ts': 127,
  'test/browser/accessibility-others-zoom.e2e-spec.ts': 115,
  'test/browser/accessibility-policy.e2e-spec.ts': 96,
  'test/browser/keyboard.e2e-spec.ts': 84,
  'test/browser/assistance-quick-entry.e2e-spec.ts': 78,
  'test/browser/desks.e2e-spec.ts': 63,
  'test/browser/sign-in-security.e2e-spec.ts': 60,
  'test/api/role-matrix.e2e-spec.ts': 51,
  'test/browser/login-and-locale.e2e-spec.ts': 51,
  'test/browser/foundation.e2e-spec.ts': 48,
  'test/browser/dashboard.e2e-spec.ts': 48,
  'test/browser/imports.e2e-spec.ts': 42,
};

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    for (const test of tests) {
      const listed = SECONDS[relative(test.context.config.rootDir, test.path)];
      test.duration = this.time(test) ?? (listed === undefined ? undefined : listed * 1000);
    }
    const key = (test) => test.duration ?? test.context.hasteFS.getSize(test.path) ?? 0;
    const failed = (test) => (this.hasFailed(test) ? 1 : 0);
    // The last run's failures first, as Jest does: their answer matters soonest.
    return tests.sort((a, b) => failed(b) - failed(a) || key(b) - key(a));
  }
}

module.exports = LongestFirstSequencer;
