import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { source as axeSource, type AxeResults, type Result } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { can, type Role } from '@mynapoint/domain';
import { AFTER_ROUND1_STEP, CITY_SEED_STEPS } from '../../apps/api/src/database/seed';
import { municipalitiesSeed } from '../../apps/api/src/database/seed/municipalities.seed';
import { installationUsersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from './browser';
import { TestApp } from './test-app';

// The accessibility page walk (issue #23): which pages each role reaches, how to wait
// until one is drawn, and axe-core with the WCAG 2.0/2.1 A and AA rules (JIS X 8341-3:2016
// is WCAG 2.0; the 2.1 rules are checked too).

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const MUNICIPALITY_ROLES: Role[] = ['admin', 'policy', 'counter', 'manager'];
/** Every role that signs in: a municipality's four, and the installation's operator and prefecture. */
export const WALK_ROLES: Role[] = [...MUNICIPALITY_ROLES, 'operator', 'prefecture'];

export interface WalkPart {
  roles: (Role | 'anonymous')[];
  /** The manager's pages in English and `<html lang>`. */
  english?: boolean;
  /** Every page of the admin role at 200 % zoom. */
  zoom?: boolean;
}

/**
 * The walk in parts of similar length (pages to check), each walked by
 * `test/browser/accessibility-<part>.e2e-spec.ts`, so that Jest's two workers share it
 * (as one file, one worker carried it for minutes while the other had finished). Each
 * file seeds the demo city itself (15–20 s), so the parts stay few. Every role is in
 * exactly one part and every part has its file: checked when this module loads.
 */
export const WALK_PARTS = {
  admin: { roles: ['admin'] },
  policy: { roles: ['policy'] },
  'counter-manager': { roles: ['counter', 'manager'], english: true },
  'others-zoom': { roles: ['anonymous', 'operator', 'prefecture'], zoom: true },
} satisfies Record<string, WalkPart>;

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

/**
 * Runs axe on the page as it is now (WCAG 2.0/2.1 A + AA rules), or only on `include`.
 * axe-core is evaluated once per document and kept (the walk moves by hash, so one
 * document serves a role's whole walk): @axe-core/playwright's AxeBuilder evaluated its
 * 1.3 MB source twice on every check. axe.run in the page itself, as AxeBuilder's legacy
 * mode does (there are no cross-origin frames to combine); only violations come back.
 */
export async function axe(page: Page, role: string, name: string, include?: string): Promise<Finding[]> {
  if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(axeSource);
  const results = (await page.evaluate(
    ({ include, tags }) => {
      const core = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
      const doc = (globalThis as unknown as { document: unknown }).document;
      return core.run(include ? { include: [include] } : doc, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    },
    { include, tags: WCAG_TAGS },
  )) as AxeResults;
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

/**
 * Waits (at most 2 s) for the page's finite CSS transitions and animations to end: a
 * field's label or a dialog fading in is checked at its final colours, not mid-fade,
 * where its contrast reads low. (Endless ones, a spinner, are what `settle` waits out.)
 */
export async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(`Promise.race([
    Promise.all(document.getAnimations()
      .filter((a) => a.playState === 'running' && a.effect && a.effect.getComputedTiming().endTime !== Infinity)
      .map((a) => a.finished.catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, 2000)),
  ])`);
}

// ---------------------------------------------------------------------------------------
// The walk

const ADMIN_DIR = join(__dirname, '..', '..', 'dist', 'admin');

// Text, fields and buttons of the page whose right edge is past the window, outside any
// box that scrolls sideways (run in the page: the test project has no DOM types).
const CUT_OFF = `(() => {
  const scrolls = (e) => { for (let a = e.parentElement; a; a = a.parentElement) { const s = getComputedStyle(a).overflowX; if (s === 'auto' || s === 'scroll') return true; } return false; };
  const out = [];
  for (const e of document.querySelectorAll('body *')) {
    const leaf = (e.children.length === 0 && (e.textContent || '').trim()) || ['INPUT', 'BUTTON', 'TEXTAREA', 'SELECT'].includes(e.tagName);
    if (!leaf) continue;
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && r.right > window.innerWidth + 1 && !scrolls(e)) out.push((e.textContent || e.getAttribute('name') || e.tagName).trim().slice(0, 20));
  }
  return out.slice(0, 5);
})()`;

// A new role, or a part without its file, would silently drop pages from the walk.
function checkWalkParts(): void {
  const parts = Object.values(WALK_PARTS) as WalkPart[];
  const walked = parts.flatMap((p) => p.roles).sort();
  const all = ['anonymous', ...WALK_ROLES].sort();
  if (walked.join() !== all.join()) throw new Error(`WALK_PARTS must walk each of ${all.join(', ')} once; it walks ${walked.join(', ')}`);
  if (parts.filter((p) => p.english).length !== 1 || parts.filter((p) => p.zoom).length !== 1) throw new Error('WALK_PARTS: one part checks English, one part 200 % zoom');
  for (const name of Object.keys(WALK_PARTS)) {
    const file = join(__dirname, '..', 'browser', `accessibility-${name}.e2e-spec.ts`);
    if (!existsSync(file)) throw new Error(`WALK_PARTS.${name} has no ${file}`);
  }
}
checkWalkParts();

/**
 * Issue #23: axe-core (WCAG 2.0/2.1 A + AA) on every page the part's roles reach, on the
 * demo data, at 1280×720: no serious or critical finding, every other one accepted with
 * its reason (ACCEPTED), and no page scrolls sideways. One browser; one tab per role,
 * reused from page to page (hash navigation, no reload).
 */
export function describeAxeWalk(name: keyof typeof WALK_PARTS): void {
  const part: WalkPart = WALK_PARTS[name];
  describe(`accessibility (${name}): axe on every page × role`, () => {
    let t: TestApp;
    let browser: Browser;
    const steps: WalkStep[] = [...customSteps(), ...resourceSteps()];
    const all: Finding[] = [];
    const checked: string[] = [];
    const overflow: string[] = [];
    const skipped: string[] = [];
    // Where the walk's time goes (navigation and drawing, waiting for quiet, axe), per check.
    const timings: { check: string; drawMs: number; settleMs: number; axeMs: number }[] = [];
    const t0 = Date.now();

    beforeAll(async () => {
      // The demo city with Round 2 and its top-up (so the measures' pages show real ones), the
      // municipalities' rows and the installation's operator and prefecture.
      t = await TestApp.start({ seed: [municipalitiesSeed, ...CITY_SEED_STEPS, AFTER_ROUND1_STEP, installationUsersSeed], listen: true, config: { adminDir: ADMIN_DIR } });
      browser = await launchBrowser();
      // The demo has no import job: one, with a refused row, so that imports/show has a record.
      const csv = 'myKeyId,reservedAt,channel\r\nNOTAKEY,2020-09-01 10:00,counter\r\n';
      const upload = await (await t.as('policy')).post('/api/imports').field('type', 'reservations').attach('file', Buffer.from(csv), 'a11y.csv');
      expect(upload.status).toBe(202);
      process.stdout.write(`axe walk (${name}): app seeded and browser up in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    });
    afterAll(async () => {
      const file = writeReport(`axe-walk-${name}`, { checked, skipped, overflow, findings: all, timings });
      const sum = (k: 'drawMs' | 'settleMs' | 'axeMs') => (timings.reduce((a, t) => a + t[k], 0) / 1000).toFixed(0);
      process.stdout.write(
        `\naxe walk (${name}): ${checked.length} page × role checks in ${((Date.now() - t0) / 1000).toFixed(0)} s (drawing ${sum('drawMs')} s, waiting for quiet ${sum('settleMs')} s, axe ${sum('axeMs')} s); ${skipped.length} skipped; report ${file}\n${summarize(all)}\n`,
      );
      await browser?.close();
      await t?.close();
    });

    function idsFor(role: string): Ids {
      return async (resource, filter, pick = () => true) => {
        const api = await t.as(role);
        const q = `range=${encodeURIComponent('[0,99]')}${filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`;
        const res = await api.get(`/api/${resource}?${q}`);
        const found = res.status === 200 ? (res.body as Record<string, unknown>[]).find(pick) : undefined;
        return found ? Number(found.id) : null;
      };
    }

    // `started`: when the step began (its ids looked up, the page opened), for the timings.
    async function check(page: Page, inflight: () => number, role: string, step: string, started: number, include?: string): Promise<Finding[]> {
      const drawn = Date.now();
      await settle(page, inflight);
      if (!include) {
        // The pointer rests where the last click was: a tooltip it opens on the new page would
        // be checked mid-fade (its contrast then reads low). It moves to an empty corner first.
        const size = page.viewportSize();
        if (size) await page.mouse.move(size.width - 1, size.height - 1);
        await page.locator('.MuiTooltip-popper').first().waitFor({ state: 'detached', timeout: 2_000 }).catch(() => undefined);
      }
      await animationsDone(page);
      const settled = Date.now();
      const found = await axe(page, role, step, include);
      timings.push({ check: `${role}:${step}`, drawMs: drawn - started, settleMs: settled - drawn, axeMs: Date.now() - settled });
      checked.push(`${role}:${step}`);
      const wide = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      if (Number(wide) > 0) overflow.push(`${role}:${step} (+${wide}px)`);
      return found;
    }

    it.each(part.roles)('%s: every page it reaches', async (role) => {
      const page = await newPage(browser, t.baseUrl!, { viewport: { width: 1280, height: 720 } });
      const inflight = trackRequests(page);
      if (role !== 'anonymous') await login(page, role);
      const ids = idsFor(role);
      const found: Finding[] = [];
      for (const step of steps.filter((s) => s.roles.includes(role))) {
        const started = Date.now();
        const path = typeof step.path === 'string' ? step.path : await step.path(ids);
        if (path == null) {
          skipped.push(`${role}:${step.name} (no record)`);
          continue;
        }
        await page.goto(`/#${path}`);
        if (!step.open) found.push(...(await check(page, inflight, role, step.name, started)));
        else {
          await settle(page, inflight);
          try {
            await step.open(page);
          } catch (e) {
            found.push({ role, page: step.name, rule: 'walk: could not open', impact: 'serious', help: String(e).split('\n')[0], nodes: 0, targets: [] });
            continue;
          }
          await page.locator(POPUP).first().waitFor();
          found.push(...(await check(page, inflight, role, step.name, started, POPUP)));
          await page.keyboard.press('Escape');
        }
      }
      all.push(...found);
      await page.context().close();
      const blocking = found.filter(isBlocking);
      if (blocking.length) process.stdout.write(`\n${role}: ${blocking.length} blocking finding(s)\n${blocking.map((f) => `  ${f.impact} ${f.rule} on ${f.page}: ${f.targets.join(' | ')}`).join('\n')}\n`);
      expect(blocking.map((f) => `${f.impact} ${f.rule} on ${f.page}`)).toEqual([]);
    }, 600_000);

    if (part.english)
      it('manager in English: <html lang> follows the language, and the English pages pass axe', async () => {
        const page = await newPage(browser, t.baseUrl!, { viewport: { width: 1280, height: 720 } });
        const inflight = trackRequests(page);
        await login(page, 'manager');
        await settle(page, inflight);
        expect(await page.evaluate('document.documentElement.lang')).toBe('ja');
        await page.getByRole('button', { name: '日本語' }).click();
        await page.getByRole('menuitem', { name: 'English' }).click();
        await page.getByRole('menuitem', { name: 'Payment services' }).waitFor();
        expect(await page.evaluate('document.documentElement.lang')).toBe('en');
        const found: Finding[] = [];
        for (const path of ['/', '/reservations', '/reports', '/accessibility']) {
          const started = Date.now();
          await page.goto(`/#${path}`);
          found.push(...(await check(page, inflight, 'manager (en)', path, started)));
          expect(await page.evaluate('document.documentElement.lang')).toBe('en');
        }
        all.push(...found);
        await page.context().close();
        expect(found.filter(isBlocking).map((f) => `${f.impact} ${f.rule} on ${f.page}`)).toEqual([]);
      }, 180_000);

    // After the walks above (Jest runs a file's tests in order).
    it('no page scrolls sideways at 1280×720', () => {
      expect(overflow).toEqual([]);
    });

    // 200 % zoom of a 1280×720 window: a CSS viewport of 640×360 drawn at twice the pixels.
    if (part.zoom)
      it('at 200 % zoom no page scrolls sideways or cuts anything off (every page of the admin, statement, login)', async () => {
        const context = await browser.newContext({ baseURL: t.baseUrl!, viewport: { width: 640, height: 360 }, deviceScaleFactor: 2, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        const inflight = trackRequests(page);
        const wide: string[] = [];
        const measure = async (what: string) => {
          await settle(page, inflight);
          const px = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
          if (px > 0) wide.push(`${what} (+${px}px)`);
          // Nor is anything cut off at the right edge (a card that clips instead of wrapping),
          // except inside a box that scrolls sideways itself (a wide table).
          const cut = (await page.evaluate(CUT_OFF)) as string[];
          if (cut.length) wide.push(`${what}: cut off ${cut.join(', ')}`);
        };
        await page.goto('/#/login');
        await measure('login');
        await page.goto('/#/accessibility');
        await measure('accessibility (signed out)');
        await login(page, 'admin');
        const paths = ['/', '/reports'];
        for (const step of resourceSteps().filter((s) => s.roles.includes('admin'))) {
          const path = typeof step.path === 'string' ? step.path : await step.path(idsFor('admin'));
          if (path) paths.push(path);
        }
        for (const path of paths) {
          await page.goto(`/#${path}`);
          await measure(path);
        }
        await screenshot(page, 'a11y-zoom-200-last-page');
        await context.close();
        process.stdout.write(`200 % zoom: ${paths.length + 2} pages measured\n`);
        expect(wide).toEqual([]);
      }, 300_000);
  });
}
