import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, logout, newPage, screenshot } from '../support/browser';
import { TestApp } from '../support/test-app';
import { createCampaign, createQuota } from '../support/uptake-fixtures';

const ADMIN_DIST = join(__dirname, '..', '..', 'dist', 'admin');
const DAY = 86_400_000;
const jstDate = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);

// Counter staff register reservations through the fast-entry form until a small
// quota is full: the gauge beside the form and the quota list turn red, and the
// next resident is refused with a message saying why.

// The server's CSP forbids eval, which page.waitForFunction(string) relies on: poll the
// expression with page.evaluate (run by the browser's debugger, not subject to the CSP).
async function until(page: Page, expression: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('counter: reservations until the quota is full, then an application', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let quotaId: number;
  const ids = ['CT01AB7Q', 'ct02ab8r', 'CT03AB9S', 'CT04AC0T'];

  beforeAll(async () => {
    t = await TestApp.start({ listen: true, seed: [usersSeed, paymentServicesSeed], config: { adminDir: ADMIN_DIST } });
    const now = Date.now();
    const campaign = await createCampaign(t, {
      name: '窓口テスト用キャンペーン',
      reservationOpensOn: jstDate(now - DAY),
      reservationClosesOn: jstDate(now + 365 * DAY),
      applicationOpensOn: jstDate(now - DAY),
      applicationClosesOn: jstDate(now + 365 * DAY),
      earningStartsOn: jstDate(now - DAY),
      earningEndsOn: jstDate(now + 365 * DAY),
    });
    const quota = await createQuota(t, {
      campaignId: campaign.id,
      name: '本庁窓口 テスト枠',
      capacity: 3,
      warnAtPercent: 60,
      opensAt: new Date(now - DAY).toISOString(),
      closesAt: new Date(now + 30 * DAY).toISOString(),
    });
    quotaId = quota.id;
    browser = await launchBrowser();
    page = await newPage(browser, t.baseUrl!);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const gaugeLevel = () => page.getByTestId('quota-preview').getByTestId('quota-gauge').getAttribute('data-level');

  async function reserve(myKeyId: string) {
    const input = page.getByTestId('mykey-input');
    await input.fill(myKeyId);
    await page.getByLabel('70歳以上').check();
    const district = page.locator('input[name="district"]');
    await district.fill('安田');
    await district.press('Enter');
  }

  it('reserves at the counter with the keyboard until the gauge turns red', async () => {
    await login(page, 'counter');
    await page.goto('/#/reservations/create');
    // The only open quota is chosen already; the MyKey ID field has the focus.
    await page.getByTestId('quota-preview').getByText('本庁窓口 テスト枠').waitFor();
    // (Strings run in the page: the test project has no DOM types.)
    await until(page, `document.activeElement?.dataset?.testid === 'mykey-input'`);
    expect(await gaugeLevel()).toBe('normal');
    await screenshot(page, 'uptake-counter-01-empty-form');

    const expected = ['normal', 'warn', 'full'];
    for (let i = 0; i < 3; i++) {
      await reserve(ids[i]);
      await page.getByTestId('last-saved').getByText(`****${ids[i].slice(-4).toUpperCase()}`).waitFor();
      await until(
        page,
        `document.querySelector('[data-testid="quota-preview"] [data-testid="quota-gauge"]')?.getAttribute('data-level') === '${expected[i]}'`,
      );
      // Ready for the next resident: the ID is cleared and focused, the quota and channel stay.
      expect(await page.getByTestId('mykey-input').inputValue()).toBe('');
      expect(await page.getByLabel('窓口支援').isChecked()).toBe(true);
      if (i === 1) await screenshot(page, 'uptake-counter-02-amber');
    }
    await page.getByTestId('quota-preview').getByTestId('quota-gauge').getByText('上限到達').waitFor();
    await page.getByTestId('quota-preview').getByText('残り 0 / 3件（100%）').waitFor();
    await screenshot(page, 'uptake-counter-03-full');

    const [state] = await t.sql<{ used: number; n: number; by: string[] }>(
      `SELECT q.used, (SELECT count(*)::int FROM reservations r WHERE r.quota_id = q.id) AS n,
              (SELECT array_agg(DISTINCT u.username) FROM reservations r JOIN users u ON u.id = r.created_by WHERE r.quota_id = q.id) AS by
       FROM reservation_quotas q WHERE q.id = $1`,
      [quotaId],
    );
    expect(state).toEqual({ used: 3, n: 3, by: ['counter'] });
  });

  it('refuses the next resident with a message saying the quota is full', async () => {
    await reserve(ids[3]);
    await page.getByText('上限（3件）に達したため').waitFor();
    await screenshot(page, 'uptake-counter-04-refused');
    const [row] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM reservations WHERE quota_id = $1', [quotaId]);
    expect(row.n).toBe(3);
  });

  it('warns as soon as a MyKey ID that already reserved is typed', async () => {
    await page.goto('/#/reservations');
    await page.getByRole('link', { name: '窓口で予約を登録' }).click();
    expect(await page.getByTestId('mykey-input').inputValue()).toBe('');
    await page.getByTestId('mykey-input').fill(ids[0].toLowerCase());
    await page.getByTestId('mykey-lookup').getByText('このマイキーIDは予約済みです').waitFor();
    await screenshot(page, 'uptake-counter-05-already-reserved');
  });

  it('shows the quota as full (red) in the quota list', async () => {
    await page.goto('/#/reservation-quotas');
    const row = page.locator('tr', { hasText: '本庁窓口 テスト枠' });
    await row.getByTestId('quota-gauge').waitFor();
    expect(await row.getByTestId('quota-gauge').getAttribute('data-level')).toBe('full');
    await row.getByText('上限到達').first().waitFor();
    await screenshot(page, 'uptake-counter-06-quota-list');
  });

  it('registers the application at the counter: MyKey ID, service, Enter', async () => {
    // Staff often type before the page's lists have arrived: hold the campaigns back
    // until the MyKey ID is in, so the campaign default lands after the typing.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/campaigns?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/#/applications/create');
    await page.getByTestId('mykey-input').fill(ids[1]);
    release();
    await page.getByText('このマイキーIDは予約済みです').waitFor();
    await page.unroute('**/api/campaigns?*');
    // What was typed survived the campaigns' arrival, and the campaign taking applications was filled in.
    expect((await page.getByTestId('mykey-input').inputValue()).toUpperCase()).toBe(ids[1].toUpperCase());
    await page.getByRole('combobox').filter({ hasText: '窓口テスト用キャンペーン' }).waitFor();
    const service = page.getByLabel('決済サービス');
    await service.fill('PayPay');
    await page.getByRole('option', { name: /^PayPay（PayPay株式会社）/ }).click();
    await page.getByTestId('mykey-input').press('Enter');
    await page.getByTestId('last-saved').getByText('****AB8R').waitFor();
    await screenshot(page, 'uptake-counter-07-application');
    const [app] = await t.sql<{ channel: string; name: string }>(
      `SELECT a.channel, s.name FROM applications a JOIN payment_services s ON s.id = a.payment_service_id`,
    );
    expect(app).toEqual({ channel: 'counter', name: 'PayPay' });
  });

  it('shows policy staff the participant with the chosen service', async () => {
    await logout(page);
    // A fresh page, as after signing out at a shared terminal.
    await page.close();
    page = await newPage(browser, t.baseUrl!);
    await login(page, 'policy');
    await page.getByTestId('role-chip').getByText('政策推進係').waitFor();
    await page.goto('/#/participants');
    await page.getByText('****AB8R').waitFor();
    await screenshot(page, 'uptake-policy-08-participants');
    await page.getByText('****AB8R').click();
    await page.getByTestId('section-application').getByText('PayPay').waitFor();
    await page.getByTestId('section-reservation').getByText('本庁窓口 テスト枠').waitFor();
    await page.getByTestId('participant-ledger').waitFor();
    await screenshot(page, 'uptake-policy-09-participant');
  });
});
