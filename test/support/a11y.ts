import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { can, type Role } from '@mynapoint/domain';

// The accessibility page walk (issue #23): which pages each role reaches, how to wait
// until one is drawn, and axe-core with the WCAG 2.0/2.1 A and AA rules (JIS X 8341-3:2016
// is WCAG 2.0; the 2.1 rules are checked too).

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const MUNICIPALITY_ROLES: Role[] = ['admin', 'policy', 'counter', 'manager'];
/** Every role that signs in: a municipality's four, and the installation's operator and prefecture. */
export const WALK_ROLES: Role[] = [...MUNICIPALITY_ROLES, 'operator', 'prefecture'];

type View = 'list' | 'show' | 'edit' | 'create';

/**
 * The admin's resources and the pages each registers (apps/admin/src/<resource>/index.ts).
 * A role gets a resource's page when the permissions table grants the view's action.
 * A new resource is one line here.
 */
export const RESOURCE_VIEWS: Record<string, View[]> = {
  reservations: ['list', 'show', 'edit', 'create'],
  applications: ['list', 'show', 'edit', 'create'],
  participants: ['list', 'show'],
  'reservation-quotas': ['list', 'show', 'edit', 'create'],
  campaigns: ['list', 'show', 'edit', 'create'],
  measures: ['list', 'show', 'edit', 'create'],
  'payment-services': ['list', 'show', 'edit', 'create'],
  'assistance-records': ['list', 'show', 'edit', 'create'],
  'point-awards': ['list', 'show', 'create'],
  imports: ['list', 'show', 'create'],
  users: ['list', 'edit', 'create'],
  'audit-logs': ['list', 'show'],
  'fraud-alerts': ['list', 'show', 'edit', 'create'],
  'population-figures': ['list', 'show', 'edit', 'create'],
  targets: ['list', 'edit', 'create'],
  'benchmark-rates': ['list', 'edit', 'create'],
  municipalities: ['list', 'show', 'edit', 'create'],
  desks: ['list', 'show', 'edit', 'create'],
  'appointment-slots': ['list', 'show', 'edit', 'create'],
  appointments: ['list', 'show', 'edit', 'create'],
  terminals: ['list', 'show', 'edit', 'create'],
  'wrong-person-incidents': ['list', 'show', 'edit', 'create'],
};

/** The id of the first record the role lists (with `filter`, and `pick` among the first 100), or `null` when there is none. */
export type Ids = (resource: string, filter?: Record<string, unknown>, pick?: (record: Record<string, unknown>) => boolean) => Promise<number | null>;

export interface WalkStep {
  /** Shown in the test output and the report, e.g. `reservations/show`. */
  name: string;
  /** Hash path; a function gets the ids of the role; `null` skips the page (no record to show). */
  path: string | ((ids: Ids) => Promise<string | null>);
  /** Who may reach it; `anonymous` = signed out. */
  roles: (Role | 'anonymous')[];
  /** After the page is drawn: open a dialog, a menu, a list's filter… Only what opened is checked (the page itself is a step of its own). */
  open?: (page: Page) => Promise<void>;
}

/** Every list/show/edit/create page of every resource, for the roles allowed to open it. */
export function resourceSteps(): WalkStep[] {
  const steps: WalkStep[] = [];
  for (const [resource, views] of Object.entries(RESOURCE_VIEWS)) {
    for (const view of views) {
      const roles = WALK_ROLES.filter((r) => can(r, resource, view));
      if (!roles.length) continue;
      const path =
        view === 'list'
          ? `/${resource}`
          : view === 'create'
            ? `/${resource}/create`
            : async (ids: Ids) => {
                const id = await ids(resource);
                return id == null ? null : view === 'show' ? `/${resource}/${id}/show` : `/${resource}/${id}`;
              };
      steps.push({ name: `${resource}/${view}`, path, roles });
    }
  }
  return steps;
}

const who = (resource: string, action: Parameters<typeof can>[2]) => WALK_ROLES.filter((r) => can(r, resource, action));

/**
 * Pages outside the resources, and dialogs and menus opened. A new page is one line:
 * `{ name, path, roles }` (add `open` for a dialog).
 */
export function customSteps(): WalkStep[] {
  return [
    { name: 'login', path: '/login', roles: ['anonymous'] },
    { name: 'accessibility (signed out)', path: '/accessibility', roles: ['anonymous'] },
    // The operator's home page, the prefecture's comparison dashboard, the municipalities' dashboards (card uptake first).
    { name: 'dashboard', path: '/', roles: WALK_ROLES },
    { name: 'accessibility', path: '/accessibility', roles: WALK_ROLES },
    // Sign-in security: two-factor setup and the user's sessions.
    { name: 'security', path: '/security', roles: WALK_ROLES },
    { name: 'municipality-settings', path: '/municipality-settings', roles: ['admin'] },
    { name: 'reports', path: '/reports', roles: who('reports', 'show') },
    { name: 'today board', path: '/today', roles: who('appointments', 'list') },
    {
      name: 'notices/print',
      path: async (ids) => {
        const id = await ids('fraud-alerts', { published: true });
        return id == null ? null : `/notices/${id}/print`;
      },
      roles: who('fraud-alerts', 'show'),
    },
    // Menus and dialogs, open.
    { name: 'dashboard + language menu', path: '/', roles: ['manager'], open: (p) => p.getByRole('button', { name: /日本語|English/ }).click() },
    { name: 'dashboard + user menu', path: '/', roles: ['policy'], open: (p) => p.getByRole('button', { name: /ユーザー情報|Profile/ }).click() },
    { name: 'dashboard + municipality picker', path: '/', roles: ['prefecture'], open: (p) => p.getByTestId('dashboard-municipality').getByRole('combobox').click() },
    { name: 'reservations/list + filter menu', path: '/reservations', roles: ['policy'], open: (p) => p.getByRole('button', { name: /絞り込み条件を追加|Add filter/ }).click() },
    { name: 'payment-services/create + select open', path: '/payment-services/create', roles: ['policy'], open: (p) => p.getByLabel('種類').click() },
    {
      name: 'reservation-quotas/edit + delete dialog',
      path: async (ids) => {
        const id = await ids('reservation-quotas');
        return id == null ? null : `/reservation-quotas/${id}`;
      },
      roles: ['admin'],
      open: (p) => p.getByRole('button', { name: /^削除$/ }).click(),
    },
    // The eligibility choices of a measure (issue #19).
    { name: 'measures/create + eligibility select open', path: '/measures/create', roles: ['policy'], open: (p) => p.getByLabel('対象者').click() },
    {
      name: 'measures/show (a budgeted measure: its gauge)',
      path: async (ids) => {
        const id = await ids('measures', {}, (r) => r.budgetYen != null);
        return id == null ? null : `/measures/${id}/show`;
      },
      roles: who('measures', 'show'),
    },
    {
      name: 'fraud-alerts/show + publish dialog',
      path: async (ids) => {
        // A draft with its title and body written: the publish button is enabled.
        const id = await ids('fraud-alerts', { published: false }, (r) => Boolean(r.noticeTitle && r.noticeBody));
        return id == null ? null : `/fraud-alerts/${id}/show`;
      },
      roles: ['manager'],
      open: (p) => p.getByRole('button', { name: '公開する' }).first().click(),
    },
    { name: 'appointment-slots/list + generate dialog', path: '/appointment-slots', roles: ['policy'], open: (p) => p.getByTestId('generate-slots').click() },
    {
      name: 'today board + cancel dialog',
      path: '/today',
      roles: ['counter'],
      open: (p) => p.locator('[data-testid^="cancel-"]').first().click(),
    },
    {
      name: 'wrong-person-incidents/show + status dialog',
      path: async (ids) => {
        const id = await ids('wrong-person-incidents');
        return id == null ? null : `/wrong-person-incidents/${id}/show`;
      },
      roles: ['policy'],
      open: (p) => p.locator('[data-testid^="to-"]').first().click(),
    },
    {
      name: 'applications/show + delete-with-reason dialog',
      path: async (ids) => {
        const id = await ids('applications');
        return id == null ? null : `/applications/${id}/show`;
      },
      roles: ['admin'],
      open: (p) => p.getByRole('button', { name: /^削除$/ }).first().click(),
    },
  ];
}

// ---------------------------------------------------------------------------------------
// Violations

export interface Finding {
  role: string;
  page: string;
  rule: string;
  impact: string;
  help: string;
  nodes: number;
  targets: string[];
}

/**
 * Moderate and minor findings that stay, each with its reason. A rule listed here is
 * still reported in the output; a rule not listed fails the test. Serious and critical
 * findings always fail, whatever is listed.
 */
export const ACCEPTED: Record<string, string> = {};

export function isBlocking(f: Finding): boolean {
  return f.impact === 'serious' || f.impact === 'critical' || !(f.rule in ACCEPTED);
}

/** What an opened dialog, menu or drop-down list is drawn in (MUI portals; react-admin keeps hidden ones mounted). */
export const POPUP = '.MuiModal-root:not(.MuiModal-hidden), .MuiPopper-root';

/** Runs axe on the page as it is now (WCAG 2.0/2.1 A + AA rules), or only on `include`. */
export async function axe(page: Page, role: string, name: string, include?: string): Promise<Finding[]> {
  // Legacy mode runs axe.run in the page itself (there are no cross-origin frames to
  // combine) and only violations come back: about three times faster on the dashboard.
  // `options` first: it replaces what `withTags` set.
  let builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS).setLegacyMode(true);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v: Result) => ({
    role,
    page: name,
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.length,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

/** A table of findings by impact (rows: rule), for the test output and the report. */
export function summarize(findings: Finding[]): string {
  const byRule = new Map<string, { impact: string; pages: Set<string>; nodes: number; help: string }>();
  for (const f of findings) {
    const e = byRule.get(f.rule) ?? { impact: f.impact, pages: new Set(), nodes: 0, help: f.help };
    e.pages.add(`${f.role}:${f.page}`);
    e.nodes += f.nodes;
    byRule.set(f.rule, e);
  }
  const order = ['critical', 'serious', 'moderate', 'minor', 'unknown'];
  const counts = order.map((i) => `${i} ${findings.filter((f) => f.impact === i).length}`).join(', ');
  const lines = [...byRule.entries()]
    .sort((a, b) => order.indexOf(a[1].impact) - order.indexOf(b[1].impact))
    .map(([rule, e]) => `  ${e.impact.padEnd(8)} ${rule}: ${e.pages.size} page(s), ${e.nodes} node(s) — ${e.help}${ACCEPTED[rule] ? `\n           accepted: ${ACCEPTED[rule]}` : ''}`);
  return [`violations (page × role findings) by impact: ${counts}`, ...lines].join('\n');
}

export function writeReport(name: string, data: unknown): string {
  const dir = join(__dirname, '..', '..', 'test-output', 'a11y');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}

// ---------------------------------------------------------------------------------------
// Waiting for a page to be drawn

/** Counts the page's requests in flight, so `settle` can wait until the data has come. */
export function trackRequests(page: Page): () => number {
  let inflight = 0;
  page.on('request', () => inflight++);
  const done = () => (inflight = Math.max(0, inflight - 1));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return () => inflight;
}

/** Waits until no request has been in flight for 300 ms and nothing on the page says it is still loading. */
export async function settle(page: Page, inflight: () => number): Promise<void> {
  const deadline = Date.now() + 20_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(50);
    if (inflight() > 0) {
      quietSince = Date.now();
      continue;
    }
    if (Date.now() - quietSince < 300) continue;
    const loading = await page
      .locator('.MuiSkeleton-root, .MuiCircularProgress-indeterminate, .MuiLinearProgress-indeterminate, [data-dashboard-ready="false"], #boot')
      .count();
    if (loading === 0) return;
    quietSince = Date.now();
  }
}
