import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CITY_SEED_STEPS } from '../../apps/api/src/database/seed';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { TestApp } from '../support/test-app';

const ADMIN_DIR = join(__dirname, '..', '..', 'dist', 'admin');
jest.setTimeout(180_000);

const READY = '[data-dashboard-ready="true"]';
// Every panel of the stats endpoints; counter staff may read only stats/counter and stats/desks.
const ALL_PANELS = ['card-uptake', 'kpi', 'uptake', 'funnel', 'channel', 'services', 'kinds', 'age', 'district', 'points-series', 'points-service', 'points-distribution', 'counter', 'counter-outcomes', 'counter-reasons', 'desks', 'desks-days', 'fraud', 'measures'];
const COUNTER_PANELS = ['counter', 'counter-outcomes', 'counter-reasons', 'desks', 'desks-days'];
const POPULATION = { 水原: 21000, 京ヶ瀬: 7800, 安田: 9300, 笹神: 6900 };

const jstToday = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
const count = (n: number) => n.toLocaleString('ja-JP');

// Each role opens the dashboard on the seeded demo data (Round 1 and the demo
// campaign), waits until every panel is drawn, checks figures against the database,
// and follows one chart into the filtered list behind it.
describe('dashboard in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  // The default period: since the first campaign began (2020-07-01), up to today.
  let from: string;
  const to = jstToday();

  beforeAll(async () => {
    // One municipality's demo: the owner's queries below, which bypass row-level security, then count only its rows.
    t = await TestApp.start({ seed: CITY_SEED_STEPS, listen: true, config: { adminDir: ADMIN_DIR, districtPopulation: POPULATION } });
    browser = await launchBrowser();
    [{ from }] = await t.sql<{ from: string }>(`SELECT to_char(min(reservation_opens_on), 'YYYY-MM-DD') AS "from" FROM campaigns`);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Signs in, opens the dashboard and waits until it is drawn; returns the stats paths requested and the time to ready. */
  async function openDashboard(role: string): Promise<{ page: Page; statsRequested: Set<string>; ms: number }> {
    const page = await newPage(browser, t.baseUrl!);
    const statsRequested = new Set<string>();
    page.on('request', (r) => {
      const m = /\/api\/(stats\/[\w-]+)/.exec(r.url());
      if (m) statsRequested.add(m[1]);
    });
    await login(page, role);
    const t0 = Date.now();
    await page.goto('/#/');
    await page.locator(READY).waitFor({ timeout: 30_000 });
    return { page, statsRequested, ms: Date.now() - t0 };
  }

  async function panelIds(page: Page): Promise<string[]> {
    return page.locator('[data-panel]').evaluateAll((els) => els.map((e) => e.getAttribute('data-panel')!));
  }

  /** The list's total in react-admin's pagination (「1～25件 / 全1234件」). */
  async function listTotal(page: Page): Promise<number> {
    const text = await page.getByText(/全\d+件/).first().textContent();
    return Number(/全(\d+)件/.exec(text ?? '')![1]);
  }

  /** Clicks the first bar of a chart that is tall enough to click (bars of 0 draw nothing). */
  async function clickFirstBar(page: Page, panel: string): Promise<void> {
    const bars = page.locator(`[data-panel="${panel}"] .recharts-bar-rectangle path`);
    const n = await bars.count();
    for (let i = 0; i < n; i++) {
      const box = await bars.nth(i).boundingBox();
      if (box && box.height >= 4) return bars.nth(i).click();
    }
    throw new Error(`no bar to click in ${panel}`);
  }

  const filterOf = (page: Page) => JSON.parse(new URLSearchParams(page.url().split('?')[1]).get('filter') ?? '{}');

  it('admin: every panel with the demo figures; a service bar opens its applications', async () => {
    const { page, statsRequested, ms } = await openDashboard('admin');
    console.log(`admin dashboard ready in ${ms} ms`);
    expect((await panelIds(page)).sort()).toEqual([...ALL_PANELS].sort());
    expect([...statsRequested].sort()).toEqual(['stats/card-uptake', 'stats/counter', 'stats/desks', 'stats/fraud', 'stats/measures', 'stats/points', 'stats/summary', 'stats/uptake']);
    // Card uptake first (issue #20).
    expect((await panelIds(page))[0]).toBe('card-uptake');
    // No panel is empty or failed on the demo data.
    expect(await page.locator('[data-panel][data-state="error"]').count()).toBe(0);
    expect(await page.getByTestId('panel-empty').count()).toBe(0);

    const [db] = await t.sql<{ reservations: number; applications: number; awarded: number; points: number; open: number }>(
      `SELECT (SELECT count(*)::int FROM reservations WHERE (reserved_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $1 AND $2) AS reservations,
              (SELECT count(*)::int FROM applications WHERE (applied_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $1 AND $2) AS applications,
              (SELECT count(*)::int FROM participants WHERE points_total > 0) AS awarded,
              (SELECT coalesce(sum(points), 0)::int FROM point_awards WHERE transaction_date BETWEEN $1 AND $2) AS points,
              (SELECT count(*)::int FROM fraud_alerts WHERE status IN ('new', 'investigating')) AS open`,
      [from, to],
    );
    expect(db.reservations).toBeGreaterThan(3000);
    expect(await page.getByTestId('kpi-reservations').textContent()).toBe(`${count(db.reservations)}件`);
    expect(await page.getByTestId('kpi-applications').textContent()).toBe(`${count(db.applications)}件`);
    expect(await page.getByTestId('kpi-awarded').textContent()).toBe(`${count(db.awarded)}人`);
    expect(await page.getByTestId('kpi-points').textContent()).toBe(`${count(db.points)}pt`);
    expect(await page.getByTestId('kpi-fraud_open').textContent()).toBe(`${count(db.open)}件`);
    // The era on the period line, and the quota line on the uptake chart.
    await page.getByTestId('dashboard-range').getByText('令和2年7月1日〜').waitFor();
    const [{ capacity }] = await t.sql<{ capacity: number }>(`SELECT sum(capacity)::int AS capacity FROM reservation_quotas`);
    await page.locator('[data-panel="uptake"] svg.recharts-surface').getByText(`予約枠の定員 ${count(capacity)}`).waitFor();
    await screenshot(page, 'dashboard-admin');

    // The longest bar of the services chart is the service with most applications.
    const [top] = await t.sql<{ id: number; name: string; n: number }>(
      `SELECT a.payment_service_id AS id, ps.name, count(*)::int AS n FROM applications a JOIN payment_services ps ON ps.id = a.payment_service_id
        WHERE (a.applied_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $1 AND $2 GROUP BY 1, 2 ORDER BY n DESC, ps.name LIMIT 1`,
      [from, to],
    );
    await page.locator('[data-panel="services"] [data-bar]').first().click();
    await page.waitForURL(/#\/applications\?/);
    expect(filterOf(page)).toEqual({ paymentServiceId: top.id, appliedAt_gte: from, appliedAt_lte: to });
    await page.getByText(`全${top.n}件`).waitFor();
    expect(await listTotal(page)).toBe(top.n);
    await screenshot(page, 'dashboard-admin-click-service');
    await page.context().close();
  });

  it('policy: a channel bar and a point of the cumulative chart open the reservations behind them', async () => {
    const { page, statsRequested } = await openDashboard('policy');
    expect((await panelIds(page)).sort()).toEqual([...ALL_PANELS].sort());
    expect(statsRequested.size).toBe(8);
    expect((await panelIds(page))[0]).toBe('card-uptake');
    await screenshot(page, 'dashboard-policy');

    // The channel chart: reservations first (one bar per channel), 窓口支援 is the third.
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM reservations WHERE channel = 'counter' AND (reserved_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $1 AND $2`,
      [from, to],
    );
    await page.locator('[data-panel="channel"] .recharts-bar-rectangle').nth(2).click();
    await page.waitForURL(/#\/reservations\?/);
    expect(filterOf(page)).toEqual({ channel: 'counter', reservedAt_gte: from, reservedAt_lte: to });
    await page.getByText(`全${n}件`).waitFor();
    await screenshot(page, 'dashboard-policy-click-channel');

    // A point of the cumulative chart opens the reservations of that month.
    await page.goto('/#/');
    await page.locator(READY).waitFor();
    const chart = page.locator('[data-panel="uptake"] .recharts-surface');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.5, { steps: 4 });
    await page.locator('[data-panel="uptake"] .recharts-tooltip-wrapper').getByText(/令和2年/).waitFor();
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForURL(/#\/reservations\?/);
    const f = filterOf(page);
    expect(f.reservedAt_gte).toMatch(/^2020-(0[7-9]|1[0-2])-01$/);
    expect(f.reservedAt_lte.slice(0, 7)).toBe(f.reservedAt_gte.slice(0, 7));
    const [{ month }] = await t.sql<{ month: number }>(
      `SELECT count(*)::int AS month FROM reservations WHERE (reserved_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $1 AND $2`,
      [f.reservedAt_gte, f.reservedAt_lte],
    );
    await page.getByText(`全${month}件`).waitFor();
    await page.context().close();
  });

  it('manager: the bar at the cap opens the participants who reached it; fraud opens the alerts', async () => {
    const { page } = await openDashboard('manager');
    expect((await panelIds(page)).sort()).toEqual([...ALL_PANELS].sort());
    const [{ atCap, share }] = await t.sql<{ atCap: number; share: string }>(
      `SELECT count(*) FILTER (WHERE points_total >= cap_yen)::int AS "atCap",
              to_char(100.0 * count(*) FILTER (WHERE points_total >= cap_yen) / nullif(count(*) FILTER (WHERE points_total > 0), 0), 'FM990.0') AS share
         FROM participants`,
    );
    expect(atCap).toBeGreaterThan(0);
    expect(await page.getByTestId('kpi-cap_share').textContent()).toBe(`${share}%`);
    await page.locator('[data-panel="points-distribution"]').getByText('上限 5,000円').waitFor();
    await screenshot(page, 'dashboard-manager');

    await page.locator('[data-panel="points-distribution"] .recharts-bar-rectangle').last().click();
    await page.waitForURL(/#\/participants\?/);
    expect(filterOf(page)).toEqual({ capReached: true });
    await page.getByText(`全${atCap}件`).waitFor();
    await screenshot(page, 'dashboard-manager-click-cap');

    // Back on the dashboard, the first fraud segment opens that period's reports by that channel.
    await page.goto('/#/');
    await page.locator(READY).waitFor();
    await clickFirstBar(page, 'fraud');
    await page.waitForURL(/#\/fraud-alerts\?/);
    const f = filterOf(page);
    expect(Object.keys(f).sort()).toEqual(['channel', 'reportedAt_gte', 'reportedAt_lte']);
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM fraud_alerts WHERE channel = $1 AND (reported_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $2 AND $3`,
      [f.channel, f.reportedAt_gte, f.reportedAt_lte],
    );
    expect(n).toBeGreaterThan(0);
    await page.getByText(`全${n}件`).waitFor();
    await page.context().close();
  });

  it('counter: only their own counter panel and the notices; an outcome bar opens their records', async () => {
    const page = await newPage(browser, t.baseUrl!);
    const statsRequested = new Set<string>();
    let chartsLoaded = false;
    page.on('request', (r) => {
      const m = /\/api\/(stats\/[\w-]+)/.exec(r.url());
      if (m) statsRequested.add(m[1]);
      if (/\/assets\/(Charts|CardUptakeCharts)-/.test(r.url())) chartsLoaded = true;
    });
    await login(page, 'counter');
    // Counter staff still land on their quick-entry screen.
    expect(page.url()).toContain('#/assistance-records/create');
    await page.goto('/#/');
    await page.locator(READY).waitFor({ timeout: 30_000 });

    expect((await panelIds(page)).sort()).toEqual([...COUNTER_PANELS].sort());
    await page.getByTestId('published-notices').waitFor();
    // The server would refuse the others with 403: they are never asked for.
    expect([...statsRequested].sort()).toEqual(['stats/counter', 'stats/desks']);
    // Their panels are drawn in HTML: recharts is not even downloaded.
    expect(chartsLoaded).toBe(false);
    expect(await page.getByTestId('kpi-reservations').count()).toBe(0);
    await page.getByTestId('counter-scope').getByText('自分の記録').waitFor();

    const [db] = await t.sql<{ mine: number; all: number; unable: number }>(
      `SELECT count(*) FILTER (WHERE u.username = 'counter')::int AS mine, count(*)::int AS all,
              count(*) FILTER (WHERE u.username = 'counter' AND ar.outcome = 'unable')::int AS unable
         FROM assistance_records ar JOIN users u ON u.id = ar.staff_id
        WHERE (ar.visited_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $1 AND $2`,
      [from, to],
    );
    expect(db.mine).toBeLessThan(db.all); // counter2's visits are not theirs
    expect(await page.getByTestId('counter-range').textContent()).toBe(`${count(db.mine)}件`);
    // The heatmap: the counts in its cells add up to their visits.
    const cells = await page.locator('[data-heat-cell]').evaluateAll((els) => els.reduce((n, e) => n + Number(e.textContent || 0), 0));
    expect(cells).toBe(db.mine);
    await screenshot(page, 'dashboard-counter');

    // Outcomes are completed, follow-up, unable.
    await page.locator('[data-panel="counter-outcomes"] [data-bar="unable"]').click();
    await page.waitForURL(/#\/assistance-records\?/);
    expect(filterOf(page)).toEqual({ outcome: 'unable', visitedAt_gte: from, visitedAt_lte: to });
    await page.getByText(`全${db.unable}件`).waitFor();
    await screenshot(page, 'dashboard-counter-click-unable');
    await page.context().close();
  });

  it('a city without data yet: every panel says so in Japanese, and a failed panel says it failed', async () => {
    const empty = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], listen: true, config: { adminDir: ADMIN_DIR } });
    try {
      const page = await newPage(browser, empty.baseUrl!);
      await login(page, 'policy');
      await page.goto('/#/');
      await page.locator(READY).waitFor({ timeout: 30_000 });
      // KPI cards show zeros; every chart panel shows its empty state instead of a chart.
      expect(await page.getByTestId('kpi-reservations').textContent()).toBe('0件');
      for (const id of ALL_PANELS.filter((p) => p !== 'kpi' && p !== 'counter')) {
        await page.locator(`[data-panel="${id}"] [data-testid="panel-empty"]`).waitFor();
      }
      expect(await page.locator('[data-panel] .recharts-surface').count()).toBe(0);
      await page.locator('[data-panel="uptake"]').getByText('この期間の予約・申し込みはありません。').waitFor();
      await page.locator('[data-panel="counter"]').getByText('この期間の窓口支援の記録はありません。').waitFor();
      await screenshot(page, 'dashboard-empty');

      // One endpoint failing leaves the others drawn and says so where its panels are.
      await page.route('**/api/stats/points**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ statusCode: 500, code: 'internal', message: 'テスト用の障害' }) }));
      await page.getByTestId('dashboard-from').fill('2020-01-01');
      await page.locator('[data-dashboard-ready="error"]').waitFor();
      await page.locator('[data-panel="points-series"][data-state="error"]').getByText('データを読み込めませんでした。').waitFor();
      expect(await page.locator('[data-panel="uptake"][data-state="ready"]').count()).toBe(1);
      await screenshot(page, 'dashboard-error');
      await page.context().close();
    } finally {
      await empty.close();
    }
  });
});
