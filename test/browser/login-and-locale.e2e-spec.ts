import type { Browser, Locator, Page } from 'playwright-core';
import { toJstDate } from '@mynapoint/domain';
import { join } from 'node:path';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { TestApp } from '../support/test-app';
import { campaignBody } from '../support/uptake-fixtures';

// Issue #16: the address the README prints (`/`) must show the login form at once
// when signed out, not after thousands of auth-check ↔ redirect round trips.
describe('login page and Japanese formats whatever the PC locale', () => {
  let t: TestApp;
  let browser: Browser;
  // A counter PC set up in English: the browser's language and locale are en-US.
  let english: Browser;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed], listen: true, config: { adminDir: join(__dirname, '../../dist/admin') } });
    browser = await launchBrowser();
    english = await launchBrowser(['--lang=en-US']);
  });
  afterAll(async () => {
    await english?.close();
    await browser?.close();
    await t?.close();
  });

  async function englishPc(role = 'policy'): Promise<Page> {
    const page = await newPage(english, t.baseUrl!, { locale: 'en-US', viewport: { width: 1280, height: 720 } });
    expect(await page.evaluate('navigator.language')).toBe('en-US');
    await login(page, role);
    return page;
  }
  const field = (page: Page, source: string) => page.locator(`.ra-input-${source}`);
  // What the field shows (its parts, without the bidi marks MUI puts around them).
  const shownIn = async (root: Locator) => (await root.locator('.MuiPickersSectionList-root').innerText({ timeout: 10_000 })).replace(/[\s\u2066-\u2069\u200e\u200f]/g, (c) => (c === ' ' ? ' ' : ''));
  const shown = (page: Page, source: string) => shownIn(field(page, source));
  // Pickers outside react-admin forms: found by the test id of their (hidden) input.
  const shownById = (page: Page, testId: string) => shownIn(page.getByTestId(testId).locator('xpath=..'));
  // As staff type: into the first part of the field, digits only; the parts advance.
  async function typeInto(page: Page, source: string, digits: string) {
    await field(page, source).locator('[role="spinbutton"]').first().click();
    await page.keyboard.type(digits);
  }

  it('opening / signed out shows the login form within 3 s and at most 3 navigations', async () => {
    // Baseline: the form opened directly, which never looped (also warms the server).
    const direct = await newPage(browser, t.baseUrl!);
    let t0 = Date.now();
    await direct.goto('/#/login');
    await direct.locator('input[name="username"]').waitFor();
    const directMs = Date.now() - t0;
    await direct.context().close();

    const page = await newPage(browser, t.baseUrl!);
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    // A string: the test project is compiled without the DOM types.
    await page.addInitScript(`window.__hashchanges = 0; window.addEventListener('hashchange', () => window.__hashchanges++);`);
    t0 = Date.now();
    await page.goto('/');
    await page.locator('input[name="username"]').waitFor();
    const elapsedMs = Date.now() - t0;
    // A loop still running after the form appeared would show here.
    await page.waitForTimeout(1000);
    const hashchanges = Number(await page.evaluate('window.__hashchanges'));
    await screenshot(page, 'login-at-root');
    // Before the fix: 350–2,900 navigations to #/login and 10–15 s.
    expect(navigations).toBeLessThanOrEqual(3);
    expect(hashchanges).toBeLessThanOrEqual(3);
    // 3 s on a quiet machine; when other jobs load the 2 cores, at most twice the
    // time /#/login takes directly (the loop took 10–15 s).
    expect(elapsedMs).toBeLessThan(Math.max(3000, directMs * 2));
    expect(page.url()).toMatch(/#\/login$/);
    await page.getByRole('textbox', { name: /ユーザー名/ }).waitFor();
    await page.context().close();
  });

  const LONG_NAME = '令和8年度 阿賀野市独自上乗せキャンペーン';
  let campaignId: number;
  beforeAll(async () => {
    const admin = await t.as('admin');
    campaignId = (await admin.post('/api/campaigns').send(campaignBody({ name: LONG_NAME })).expect(201)).body.id;
  });

  it('date inputs show and take 2026/12/07 on an en-US PC, and a typed date saves', async () => {
    const page = await englishPc();
    // Shown: a record's dates, in the Japanese order (not 07/01/2020), and typed ones.
    await page.goto(`/#/campaigns/${campaignId}`);
    await field(page, 'reservationOpensOn').locator('[role="spinbutton"]').first().waitFor();
    expect(await shown(page, 'reservationOpensOn')).toBe('2020/07/01');
    await typeInto(page, 'earningEndsOn', '20261207');
    expect(await shown(page, 'earningEndsOn')).toBe('2026/12/07');
    expect(await page.locator('main').innerText()).not.toMatch(/mm\/dd\/yyyy|\d{2}\/\d{2}\/\d{4}/i);
    await screenshot(page, 'locale-en-us-campaign-edit');

    // Saved: a payment service whose date was typed on the keyboard.
    await page.goto('/#/payment-services/create');
    await page.getByLabel('サービス名').fill('あがの年末Pay');
    await page.getByLabel('決済事業者').fill('阿賀野決済株式会社');
    await page.getByLabel('種類').click();
    await page.getByRole('option', { name: 'QRコード決済' }).click();
    await typeInto(page, 'applicationsOpenOn', '20261207');
    expect(await shown(page, 'applicationsOpenOn')).toBe('2026/12/07');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL((url) => !url.hash.endsWith('/create'));
    const [row] = await t.sql<{ opens: string }>(`SELECT to_char(applications_open_on, 'YYYY-MM-DD') AS opens FROM payment_services WHERE name = 'あがの年末Pay'`);
    expect(row).toEqual({ opens: '2026-12-07' });
    await page.context().close();
  });

  it('date-time inputs show 24-hour JST without AM/PM on an en-US PC, and a typed time saves', async () => {
    const page = await englishPc();
    await page.goto('/#/reservation-quotas/create');
    await field(page, 'opensAt').locator('[role="spinbutton"]').first().waitFor();
    expect(await shown(page, 'opensAt')).toBe('YYYY/MM/DD hh:mm');
    await page.getByLabel(/^キャンペーン/).click();
    await page.getByRole('option', { name: LONG_NAME }).click();
    await page.getByLabel('予約枠の名称').fill('年末年始 窓口予約枠');
    await page.getByLabel('上限数').fill('120');
    await typeInto(page, 'opensAt', '202612070930');
    await typeInto(page, 'closesAt', '202612281715');
    expect(await shown(page, 'opensAt')).toBe('2026/12/07 09:30');
    expect(await shown(page, 'closesAt')).toBe('2026/12/28 17:15');
    // The picker's own clock: 24 hours, no AM/PM column.
    await field(page, 'closesAt').getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).not.toMatch(/\b(AM|PM)\b|午前|午後/);
    await screenshot(page, 'locale-en-us-quota-picker');
    await page.keyboard.press('Escape');
    expect(await page.locator('main').innerText()).not.toMatch(/\b(AM|PM)\b|mm\/dd\/yyyy/i);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL((url) => !url.hash.endsWith('/create'));
    const [row] = await t.sql<{ opens: string; closes: string }>(
      `SELECT to_char(opens_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS opens, to_char(closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS closes FROM reservation_quotas WHERE name = '年末年始 窓口予約枠'`,
    );
    // 09:30 and 17:15 in Japan.
    expect(row).toEqual({ opens: '2026-12-07T00:30', closes: '2026-12-28T08:15' });
    await page.context().close();
  });

  const ENGLISH_MONTH = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

  it('the monthly report’s month shows 2026年11月 on an en-US PC', async () => {
    const page = await englishPc('manager');
    await page.goto('/#/reports');
    const month = await shownById(page, 'report-month');
    expect(month).toMatch(/^\d{4}年\d{1,2}月$/);
    await screenshot(page, 'locale-en-us-reports');
    expect(await page.locator('main').innerText()).not.toMatch(ENGLISH_MONTH);
    await page.context().close();
  });

  it('the dashboard’s period shows YYYY/MM/DD on an en-US PC', async () => {
    const page = await englishPc();
    await page.goto('/#/');
    await page.locator('[data-dashboard-ready]').waitFor({ timeout: 30_000 });
    const from = await shownById(page, 'dashboard-from');
    const to = await shownById(page, 'dashboard-to');
    expect(from).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    expect(to).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    // The period chosen by the preset, as the API takes it (YYYY-MM-DD).
    expect(to.replace(/\//g, '-') >= from.replace(/\//g, '-')).toBe(true);
    await screenshot(page, 'locale-en-us-dashboard-controls');
    await page.context().close();
  });

  it('the counter’s visit time shows 2026/12/07 14:30 without AM/PM on an en-US PC, and a typed time saves', async () => {
    const page = await englishPc('counter');
    await page.waitForURL(/#\/assistance-records\/create/);
    await page.getByTestId('quick-entry-form').waitFor();
    // Left at its default, "now" in Japan.
    const now = await shown(page, 'visitedAtLocal');
    expect(now).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    expect(now.slice(0, 10)).toBe(toJstDate(new Date()).replace(/-/g, '/'));
    await screenshot(page, 'locale-en-us-quick-entry');
    expect(await page.locator('main').innerText()).not.toMatch(/\b(AM|PM)\b|mm\/dd\/yyyy/i);
    // A visit logged afterwards: typed as staff type it, saved as that time in Japan.
    await typeInto(page, 'visitedAtLocal', '202001061430');
    expect(await shown(page, 'visitedAtLocal')).toBe('2020/01/06 14:30');
    await page.locator('input[name="durationMinutes"]').fill('7');
    await page.getByTestId('chips-assistanceTypes').getByText('問い合わせ').click();
    await page.getByRole('button', { name: /保存して次へ/ }).click();
    await page.getByText(/記録しました/).waitFor();
    const [row] = await t.sql<{ id: number; visited: string }>(`SELECT id, to_char(visited_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS visited FROM assistance_records WHERE duration_minutes = 7`);
    expect(row.visited).toBe('2020-01-06T05:30');
    // The edit form shows the same time the same way.
    await page.goto(`/#/assistance-records/${row.id}`);
    await field(page, 'visitedAt').locator('[role="spinbutton"]').first().waitFor({ timeout: 10_000 });
    expect(await shown(page, 'visitedAt')).toBe('2020/01/06 14:30');
    await page.context().close();
  });

  it('a long page title is shown whole while the header has room (1280×720)', async () => {
    const page = await englishPc();
    await page.goto(`/#/campaigns/${campaignId}/show`);
    const title = page.locator('#react-admin-title');
    await title.getByText(LONG_NAME).waitFor();
    const fits = await title.evaluate((el) => el.scrollWidth <= el.clientWidth);
    await screenshot(page, 'long-title-1280');
    expect(fits).toBe(true);
    await page.context().close();
  });
});
