import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CITY_SEED_STEPS } from '../../apps/api/src/database/seed';
import { assistanceRecordBody } from '../support/assistance-fixtures';
import { launchBrowser, login, newPage, screenshot, SCREENSHOT_DIR } from '../support/browser';
import { paymentServiceBody } from '../support/fixtures';
import { fraudAlertBody } from '../support/fraud-fixtures';
import { Client_, TestApp } from '../support/test-app';
import { applicationBody, campaignBody, quotaBody, reservationBody } from '../support/uptake-fixtures';

const ADMIN_DIR = join(__dirname, '..', '..', 'dist', 'admin');
jest.setTimeout(180_000);

const READY = '[data-dashboard-ready="true"]';
const SHIBATA = '152064';
const count = (n: number) => n.toLocaleString('ja-JP');
const jstToday = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

// The prefecture's story: 新潟県 signs in, compares 阿賀野市 (the demo's data) and
// 新発田市 (a few records its staff enter through the API) side by side, and picks 新発田市
// for the figures below, by keyboard. The operator's story: a home page of its own,
// no stats at all.
describe('prefecture dashboard in the browser', () => {
  let t: TestApp;
  let browser: Browser;

  async function created(res: { status: number; body: { id: number } & Record<string, unknown> }, what: string) {
    if (res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  beforeAll(async () => {
    t = await TestApp.start({ seed: CITY_SEED_STEPS, listen: true, config: { adminDir: ADMIN_DIR } });
    await t.addMunicipality(SHIBATA, '新発田市', ['新発田', '豊浦']);
    await t.sql(`UPDATE municipalities SET district_population = $2 WHERE code = $1`, [t.config.municipalityCode, { 水原: 21000, 京ヶ瀬: 7800, 安田: 9300, 笹神: 6900 }]);
    await t.sql(`UPDATE municipalities SET district_population = $2 WHERE code = $1`, [SHIBATA, { 新発田: 70000, 豊浦: 25000 }]);
    await t.sql(
      `INSERT INTO users (municipality_code, username, display_name, role, prefecture_code, password_hash)
       SELECT '000000', x.username, x.display_name, x.role, x.pref, u.password_hash
         FROM users u, (VALUES ('prefecture', '新潟県 デジタル政策課', 'prefecture', '15'), ('operator', '運用事業者', 'operator', NULL)) AS x(username, display_name, role, pref)
        WHERE u.municipality_code = $1 AND u.username = 'admin'
       ON CONFLICT DO NOTHING`,
      [t.config.municipalityCode],
    );

    // 新発田市's season, entered by its own staff.
    const policy: Client_ = await t.as('policy', SHIBATA);
    const counter: Client_ = await t.as('counter', SHIBATA);
    const campaign = await created(await policy.post('/api/campaigns').send(campaignBody()), 'campaign');
    const quota = await created(await policy.post('/api/reservation-quotas').send(quotaBody(campaign.id, { capacity: 50 })), 'quota');
    const service = await created(await policy.post('/api/payment-services').send(paymentServiceBody()), 'service');
    for (let i = 0; i < 12; i++) {
      const body = reservationBody(quota.id, { district: i % 3 ? '新発田' : '豊浦', channel: i % 2 ? 'self_smartphone' : 'counter' });
      await created(await policy.post('/api/reservations').send(body), 'reservation');
      if (i < 8) await created(await policy.post('/api/applications').send(applicationBody(body.myKeyId, service.id)), 'application');
      if (i < 5) {
        const award = { myKeyId: body.myKeyId, paymentServiceId: service.id, externalId: `SHIBATA-${i}`, transactionDate: '2020-10-01', kind: 'charge', amountYen: 4000 };
        await created(await policy.post('/api/point-awards').send(award), 'point award');
      }
    }
    for (let i = 0; i < 3; i++) await created(await counter.post('/api/assistance-records').send(assistanceRecordBody()), 'visit');
    await created(await counter.post('/api/fraud-alerts').send(fraudAlertBody({ district: '豊浦' })), 'fraud alert');

    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Signs in and opens the landing page; collects the API paths asked for and any refused. */
  async function open(username: string): Promise<{ page: Page; requested: string[]; refused: string[] }> {
    const page = await newPage(browser, t.baseUrl!);
    const requested: string[] = [];
    const refused: string[] = [];
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (!url.pathname.startsWith('/api/') || url.pathname.startsWith('/api/auth')) return;
      requested.push(`${url.pathname}${url.search}`);
      if (r.status() >= 400) refused.push(`${r.status()} ${url.pathname}`);
    });
    await login(page, username);
    await page.goto('/#/');
    return { page, requested, refused };
  }

  it('prefecture: its municipalities side by side, then 新発田市 picked by keyboard', async () => {
    const { page, requested, refused } = await open('prefecture');
    await page.locator(READY).waitFor({ timeout: 30_000 });

    // The comparison: a row per municipality and their total, as the API gives them.
    const pref = await t.as('prefecture');
    const api = (await pref.get(`/api/stats/municipalities?to=${jstToday()}`).expect(200)).body;
    expect(api.municipalities.map((m: { name: string }) => m.name)).toEqual(['新発田市', '阿賀野市']);
    const table = page.getByTestId('comparison-table');
    for (const m of api.municipalities) {
      const row = table.locator(`tr[data-code="${m.code}"]`);
      await row.getByRole('button', { name: m.name }).waitFor();
      expect(await row.locator('td').allTextContents()).toEqual(
        expect.arrayContaining([count(m.reservations), count(m.applications), count(m.pointsAwarded), count(m.population)]),
      );
    }
    expect(await table.locator('tr[data-code="total"] td').nth(1).textContent()).toBe(count(api.total.reservations));
    await page.locator('[data-panel="comparison"] svg.recharts-surface').waitFor();
    // The chart's own picture names where its numbers are (the panel's frame is a picture too).
    await page.locator('[data-panel="comparison"]').getByRole('img', { name: /下の表/ }).waitFor();
    // One picture to assistive technology: nothing in the tab order inside it (the table's buttons are the keyboard path).
    expect(await page.locator('[data-panel="comparison"] [role="img"] [tabindex]:not([tabindex="-1"]), [data-panel="comparison"] [role="img"] a, [data-panel="comparison"] [role="img"] button').count()).toBe(0);
    await page.getByTestId('dashboard-scope').getByText('全市町村の合計').waitFor();
    expect(await page.getByTestId('kpi-reservations').textContent()).toBe(`${count(api.total.reservations)}件`);
    // No district breakdown across municipalities: it says how to get one.
    await page.locator('[data-panel="district"]').getByText('1つ選ぶと表示します').waitFor();

    // The dashboard, its municipalities (read-only), its own sign-in security and the accessibility statement: no list of records.
    await page.getByRole('menuitem', { name: 'ダッシュボード' }).waitFor();
    expect((await page.getByRole('menuitem').allTextContents()).map((s) => s.trim())).toEqual(['ダッシュボード', '市区町村', 'セキュリティ', 'アクセシビリティ方針']);
    await screenshot(page, 'prefecture-dashboard-all');
    await page.locator('[data-panel="comparison"]').screenshot({ path: join(SCREENSHOT_DIR, 'prefecture-comparison.png') });

    // The picker, by keyboard: focus it, open it, move to 新発田市, choose it.
    const picker = page.getByRole('combobox', { name: /^市町村/ });
    await picker.focus();
    await picker.press('Enter');
    await page.getByRole('option', { name: '新発田市' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('dashboard-scope').getByText('新発田市の集計').waitFor();
    await page.locator(READY).waitFor({ timeout: 30_000 });
    const shibata = api.municipalities.find((m: { code: string }) => m.code === SHIBATA);
    expect(await page.getByTestId('kpi-reservations').textContent()).toBe(`${count(shibata.reservations)}件`);
    expect(await page.getByTestId('kpi-points').textContent()).toBe(`${count(shibata.pointsAwarded)}pt`);
    await table.locator(`tr[data-code="${SHIBATA}"].Mui-selected`).waitFor();
    // 新発田市's own districts, with its populations.
    await page.locator('[data-panel="district"]').getByText('豊浦').waitFor();
    expect(requested.some((p) => p.startsWith('/api/stats/summary') && p.includes(`municipalityCode=${SHIBATA}`))).toBe(true);
    await screenshot(page, 'prefecture-dashboard-shibata');
    await page.getByTestId('dashboard-controls').screenshot({ path: join(SCREENSHOT_DIR, 'prefecture-controls-shibata.png') });

    // The name in the table picks too (a button): pressing the chosen one goes back to all.
    await table.locator(`tr[data-code="${SHIBATA}"]`).getByRole('button').press('Enter');
    await page.getByTestId('dashboard-scope').getByText('全市町村の合計').waitFor();

    // Nothing was refused, and no record list was asked for.
    expect(refused).toEqual([]);
    expect(requested.filter((p) => !p.startsWith('/api/stats/') && !p.startsWith('/api/settings'))).toEqual([]);
    await page.context().close();
  });

  it('operator: a home page of its own, and no stats', async () => {
    const { page, requested } = await open('operator');
    await page.getByTestId('operator-home').waitFor();
    await page.getByRole('link', { name: /決済サービス/ }).waitFor();
    expect(await page.locator('[data-testid="dashboard"]').count()).toBe(0);
    await screenshot(page, 'operator-home');
    expect(requested.filter((p) => p.startsWith('/api/stats/'))).toEqual([]);
    await page.context().close();
  });
});
