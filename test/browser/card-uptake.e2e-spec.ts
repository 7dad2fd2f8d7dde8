import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AGE_BAND, formatJapaneseEraDate, formatJapaneseEraMonth } from '@mynapoint/domain';
import { cardUptakeSeed } from '../../apps/api/src/database/seed/card-uptake.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { TestApp } from '../support/test-app';

const ADMIN_DIR = join(__dirname, '..', '..', 'dist', 'admin');
jest.setTimeout(180_000);

const READY = '[data-dashboard-ready="true"]';
const PANEL = '[data-panel="card-uptake"]';
const jstToday = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
const DISTRICTS = ['水原', '京ヶ瀬', '安田', '笹神'];

// Policy staff open the dashboard on the card-uptake panel (the demo figures up to last
// month's end), import this month's resident-register figures through the import page,
// and see the panel show the new month; the table alternative gives the same numbers,
// and a district opens the figures behind it.
describe('card uptake in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  const today = jstToday();

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, cardUptakeSeed], listen: true, config: { adminDir: ADMIN_DIR } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function dashboard(page: Page): Promise<void> {
    await page.goto('/#/');
    await page.locator(READY).waitFor({ timeout: 30_000 });
  }

  it('policy: the panel comes first; an import of this month’s figures shows on it', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'policy');
    await dashboard(page);
    const first = await page.locator('[data-panel]').first().getAttribute('data-panel');
    expect(first).toBe('card-uptake');
    const [{ latest }] = await t.sql<{ latest: string }>(`SELECT to_char(max(as_of), 'YYYY-MM-DD') AS latest FROM population_figures`);
    await page.locator(PANEL).getByRole('heading', { name: `マイナンバーカードの普及状況（${formatJapaneseEraDate(latest)}現在）` }).waitFor();
    // The demo's national application rate (about 83 % by now) is beside the city's.
    expect(await page.getByTestId('card-national').textContent()).toMatch(/全国8\d\.\d%/);
    expect(await page.getByTestId('card-target').count()).toBe(2);
    await screenshot(page, 'card-uptake-panel');

    // This month's figures, as the register's export gives them (Shift_JIS is tested in the API; UTF-8 with a BOM here).
    const lines = ['基準日,地区,年代,人口,申請件数,交付枚数'];
    for (const d of DISTRICTS) for (const band of AGE_BAND.values) lines.push(`${today},${d},${AGE_BAND.label(band)},1000,911,850`);
    await page.getByRole('menuitem', { name: '人口とカード交付の集計' }).click();
    await page.getByRole('button', { name: 'CSVを取り込む' }).or(page.getByRole('link', { name: 'CSVを取り込む' })).first().click();
    await page.getByText('CSVの取り込み').first().waitFor();
    // The list's button opens the import on its own type.
    expect(await page.getByLabel('人口とカード交付の集計（住民基本台帳）').isChecked()).toBe(true);
    await page.getByTestId('import-file').setInputFiles({ name: '住基集計.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`) });
    await page.getByTestId('import-format').getByText('カード申請件数').first().waitFor();
    await screenshot(page, 'card-uptake-import');
    await page.getByTestId('import-submit').click();
    await page.waitForURL(/#\/imports\/\d+\/show/);
    await page.getByText('完了しました').waitFor();
    expect(await page.getByTestId('count-accepted').textContent()).toBe('28');

    await dashboard(page);
    await page.locator(PANEL).getByRole('heading', { name: `マイナンバーカードの普及状況（${formatJapaneseEraDate(today)}現在）` }).waitFor();
    // 25,508 of 28,000 = 91.1 %
    expect(await page.getByTestId('card-city').textContent()).toContain('91.1%');
    await screenshot(page, 'card-uptake-panel-new-month');

    // The table view: the same numbers, the new month on top.
    await page.getByTestId('card-view-table').click();
    const tables = page.getByTestId('card-tables');
    const newest = tables.locator('table').nth(2).locator('tbody tr').first();
    expect(await newest.locator('th').textContent()).toBe(formatJapaneseEraMonth(today));
    expect(await newest.locator('td').first().textContent()).toBe('91.1%');
    const kyogase = tables.locator('table').first().locator('tbody tr', { hasText: '京ヶ瀬' });
    expect(await kyogase.locator('td').nth(2).textContent()).toBe('91.1%');
    await screenshot(page, 'card-uptake-table');

    // A district opens the figures behind it: that snapshot, that district.
    await kyogase.getByRole('link', { name: '京ヶ瀬' }).click();
    await page.waitForURL(/#\/population-figures\?/);
    const filter = JSON.parse(new URLSearchParams(page.url().split('?')[1]).get('filter') ?? '{}');
    expect(filter).toEqual({ asOf: today, district: '京ヶ瀬' });
    await page.getByText('全7件').waitFor();
    await screenshot(page, 'card-uptake-figures');
    await page.context().close();
  });

  it('manager: the same panel first, as charts; a district bar opens its figures', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'manager');
    await dashboard(page);
    expect(await page.locator('[data-panel]').first().getAttribute('data-panel')).toBe('card-uptake');
    await page.getByTestId('card-view-chart').click();
    const bars = page.locator(`${PANEL} .recharts-bar-rectangle path`);
    await bars.first().waitFor();
    await bars.first().click();
    await page.waitForURL(/#\/population-figures\?/);
    const filter = JSON.parse(new URLSearchParams(page.url().split('?')[1]).get('filter') ?? '{}');
    expect(Object.keys(filter).sort()).toEqual(['asOf', 'district']);
    await page.context().close();
  });
});
