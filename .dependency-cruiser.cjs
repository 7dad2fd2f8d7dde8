// Arrows point one way (STYLE.md): plumbing never knows a feature, a feature reaches
// another only through its exported service, libs/domain stays pure, the admin never
// reaches into the API, and nothing goes round in a circle.
// Checked by test/tooling/boundaries.spec.ts (unit tier of `npm test`);
// by hand: npx depcruise apps/api/src apps/admin/src libs/domain/src --config .dependency-cruiser.cjs

// A feature is any top folder of apps/api/src except these (main.ts and app.* are the
// composition root and may import every feature).
const NOT_FEATURES = '(common|config|database)';
const API = '^apps/api/src/';


module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle has no bottom: neither side can be understood, tested or moved without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment:
        'Two folders that import each other are one folder in disguise (auth and users were): one of them has to be the lower layer.',
      scope: 'folder',
      from: { path: `${API}|^libs/` },
      to: { circular: true },
    },
    {
      name: 'plumbing-imports-no-feature',
      severity: 'error',
      comment:
        'common/ and config/ are what every feature stands on; importing a feature from there turns the layers upside down (the audit service and the database-outage helper used to live in features).',
      from: { path: `${API}(common|config)/` },
      to: { path: API, pathNot: `${API}(common|config)/` },
    },
    {
      name: 'feature-reaches-feature-through-its-service',
      severity: 'error',
      comment:
        "Another feature is used through what its module exports (its service), never its entity, list spec, repository, SQL or helpers: those can then change without breaking a stranger. The test also checks the imported names (a service file's SQL text is not its service).",
      from: { path: `${API}([^/]+)/`, pathNot: `${API}${NOT_FEATURES}/` },
      to: {
        path: `${API}[^/]+/`,
        pathNot: [`${API}$1/`, `${API}${NOT_FEATURES}/`, '[.](service|module)[.]ts$'],
      },
    },
    {
      name: 'production-code-imports-no-seed',
      severity: 'error',
      comment:
        'The demo seed and the migrations sit on top of the features (they may import them); the running app must not depend on demo data. main.ts runs both at start-up.',
      from: { path: API, pathNot: [`${API}database/`, `${API}main[.]ts$`] },
      to: { path: `${API}database/(seed|migrations)/` },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'libs/domain runs in the API and in the browser: no framework, no npm package, no Node built-in (its specs may use test tools).',
      from: { path: '^libs/domain/', pathNot: '[.]spec[.]ts$' },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'admin-imports-no-api',
      severity: 'error',
      comment: 'The admin talks to the API over HTTP only; shared types and rules live in libs/domain.',
      from: { path: '^apps/admin/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment:
        'An import dependency-cruiser cannot resolve is one no rule above can judge (a path alias it does not know) in the two places that must stay clean.',
      from: { path: '^(apps/admin|libs/domain)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports are arrows too.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    knownViolations: [
      // The import handler drives point-awards' set-based award engine inside the
      // import's own transactions and parallel workers (a Sql runner per connection,
      // not the request's Db); going through PointAwardsService needs injectable
      // handlers. The one known crossing, kept visible here.
      {
        type: 'dependency',
        from: 'apps/api/src/imports/handlers/point-awards.import.ts',
        to: 'apps/api/src/point-awards/point-awards.repository.ts',
        rule: { name: 'feature-reaches-feature-through-its-service', severity: 'error' },
      },
    ],
  },
};

// dependency-cruiser sees files, not names: test/tooling/boundaries.spec.ts also reads
// what a feature takes from another feature's service or module file, and only classes
// named …Service or …Module pass. Known exceptions (non-enumerable, so dependency-cruiser's
// config schema does not see the key):
Object.defineProperty(module.exports, 'knownNamedImports', {
  value: [],
});
