import { Role } from './roles';

// The one permissions table (API.md "Roles"). The API's guard enforces it on every
// route; the admin UI reads the same table to hide what a role cannot do.
export const RESOURCES = [
  'municipalities',
  'users',
  'payment-services',
  'campaigns',
  'measures',
  'reservation-quotas',
  'reservations',
  'applications',
  'participants',
  'point-awards',
  'imports',
  'assistance-records',
  'fraud-alerts',
  'population-figures',
  'benchmark-rates',
  'targets',
  'audit-logs',
  'stats/summary',
  'stats/uptake',
  'stats/points',
  'stats/counter',
  'stats/fraud',
  'stats/municipalities',
  'stats/card-uptake',
  'stats/measures',
  'exports',
  'reports',
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = ['list', 'show', 'create', 'edit', 'delete', 'publish', 'export', 'remove_data'] as const;
export type Action = (typeof ACTIONS)[number];

// `own`: the role sees and changes only rows it created (assistance records of
// counter staff); the feature's service applies that filter.
export type Scope = 'all' | 'own';
interface Grant {
  readonly actions: readonly Action[];
  readonly scope?: Scope;
}

const R: Grant = { actions: ['list', 'show'] };
const CR: Grant = { actions: ['list', 'show', 'create'] };
const CRU: Grant = { actions: ['list', 'show', 'create', 'edit'] };
const CRUD: Grant = { actions: ['list', 'show', 'create', 'edit', 'delete'] };
const NONE: Grant = { actions: [] };
const SHOW: Grant = { actions: ['show'] };
const EXPORT: Grant = { actions: ['export'] };

// Installation roles (API.md "Many municipalities"): `operator` keeps the municipalities,
// their first admin, its own accounts and the national reference data, and reads no
// resident data; `prefecture` reads stats across its municipalities and nothing else.
// Rows are a municipality's own by row-level security: a grant here never reaches
// another municipality's data.
const NO_INSTALLATION = { operator: NONE, prefecture: NONE } as const;
const PREFECTURE_STATS = { operator: NONE, prefecture: SHOW } as const;

export const PERMISSIONS: Readonly<Record<Resource, Readonly<Record<Role, Grant>>>> = {
  // An admin reads and updates its own municipality's settings (row-level security shows it only that one).
  municipalities: {
    admin: { actions: ['list', 'show', 'edit', 'export'] },
    policy: NONE,
    counter: NONE,
    manager: NONE,
    operator: { actions: [...CRUD.actions, 'remove_data'] },
    prefecture: R,
  },
  users: { admin: CRUD, policy: NONE, counter: NONE, manager: NONE, operator: CRUD, prefecture: NONE },
  'payment-services': { admin: CRUD, policy: CRUD, counter: R, manager: R, operator: CRUD, prefecture: NONE },
  campaigns: { admin: CRUD, policy: CRUD, counter: R, manager: R, operator: CRUD, prefecture: NONE },
  // A campaign's measures (issue #19): reference data like campaigns (national rows the operator's).
  measures: { admin: CRUD, policy: CRUD, counter: R, manager: R, operator: CRUD, prefecture: NONE },
  'reservation-quotas': { admin: CRUD, policy: CRUD, counter: R, manager: R, ...NO_INSTALLATION },
  reservations: { admin: CRUD, policy: CRU, counter: CR, manager: R, ...NO_INSTALLATION },
  applications: { admin: CRUD, policy: CRU, counter: CR, manager: R, ...NO_INSTALLATION },
  participants: { admin: R, policy: R, counter: NONE, manager: R, ...NO_INSTALLATION },
  'point-awards': { admin: CRUD, policy: CR, counter: NONE, manager: R, ...NO_INSTALLATION },
  imports: { admin: CRUD, policy: CR, counter: NONE, manager: R, ...NO_INSTALLATION },
  'assistance-records': {
    admin: CRUD,
    policy: R,
    counter: { actions: ['list', 'show', 'create', 'edit'], scope: 'own' },
    manager: R,
    ...NO_INSTALLATION,
  },
  'fraud-alerts': {
    admin: { actions: [...CRUD.actions, 'publish'] },
    policy: CRU,
    counter: CR,
    manager: { actions: ['list', 'show', 'publish'] },
    ...NO_INSTALLATION,
  },
  // Card uptake (issue #20): aggregates of the resident register, MIC's published rates
  // and the city's targets. Policy staff and the admin keep them; managers read them.
  'population-figures': { admin: CRUD, policy: CRUD, counter: NONE, manager: R, ...NO_INSTALLATION },
  'benchmark-rates': { admin: CRUD, policy: CRUD, counter: NONE, manager: R, ...NO_INSTALLATION },
  targets: { admin: CRUD, policy: CRUD, counter: NONE, manager: R, ...NO_INSTALLATION },
  'audit-logs': { admin: R, policy: NONE, counter: NONE, manager: R, operator: R, prefecture: NONE },
  'stats/summary': { admin: SHOW, policy: SHOW, counter: NONE, manager: SHOW, ...PREFECTURE_STATS },
  'stats/uptake': { admin: SHOW, policy: SHOW, counter: NONE, manager: SHOW, ...PREFECTURE_STATS },
  'stats/points': { admin: SHOW, policy: SHOW, counter: NONE, manager: SHOW, ...PREFECTURE_STATS },
  'stats/counter': { admin: SHOW, policy: SHOW, counter: { actions: ['show'], scope: 'own' }, manager: SHOW, ...PREFECTURE_STATS },
  'stats/fraud': { admin: SHOW, policy: SHOW, counter: NONE, manager: SHOW, ...PREFECTURE_STATS },
  // The prefecture's side-by-side comparison; a municipality's own staff get their one row.
  'stats/municipalities': { admin: SHOW, policy: SHOW, counter: NONE, manager: SHOW, ...PREFECTURE_STATS },
  'stats/card-uptake': { admin: SHOW, policy: SHOW, counter: NONE, manager: SHOW, ...PREFECTURE_STATS },
  // Uptake, points and budget by measure: the municipality's own (no prefecture view yet).
  'stats/measures': { admin: SHOW, policy: SHOW, counter: NONE, manager: SHOW, ...NO_INSTALLATION },
  exports: { admin: EXPORT, policy: NONE, counter: NONE, manager: EXPORT, ...NO_INSTALLATION },
  reports: { admin: SHOW, policy: NONE, counter: NONE, manager: SHOW, ...NO_INSTALLATION },
};

export function isResource(value: unknown): value is Resource {
  return typeof value === 'string' && (RESOURCES as readonly string[]).includes(value);
}

export function can(role: Role | undefined | null, resource: string, action: Action): boolean {
  if (!role || !isResource(resource)) return false;
  return PERMISSIONS[resource][role]?.actions.includes(action) ?? false;
}

export function scopeOf(role: Role, resource: Resource): Scope {
  return PERMISSIONS[resource][role]?.scope ?? 'all';
}

// Exports cover every list resource: allowed when the role may export at all and
// may read that list.
export function canExport(role: Role | undefined | null, resource: string): boolean {
  return can(role, 'exports', 'export') && can(role, resource, 'list');
}
