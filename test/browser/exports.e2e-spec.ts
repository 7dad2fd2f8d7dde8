import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { pdfPages } from '../support/pdf';
import { listQuery, TestApp, totalOf } from '../support/test-app';

describe('exports in the browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], listen: true, config: { adminDir: join(__dirname, '../../dist/admin') } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a manager downloads the filtered list as CSV', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'manager');
    await page.goto(`/#/payment-services?filter=${encodeURIComponent(JSON.stringify({ kind: 'ic_emoney' }))}`);
    await page.getByRole('cell', { name: 'WAON' }).waitFor();
    await page.getByRole('button', { name: 'エクスポート' }).click();
    await screenshot(page, 'exports-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('CSV（Excel で開けます）').click()]);
    const path = await download.path();
    const text = readFileSync(path!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const expected = totalOf(await (await t.as('manager')).get(`/api/payment-services?${listQuery({ filter: { kind: 'ic_emoney' } })}`));
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines.length - 1).toBe(expected);
    expect(lines.slice(1).every((l) => l.includes('IC型電子マネー'))).toBe(true);
    await page.context().close();
  });

  it('a manager downloads the monthly report as PDF, with progress', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'manager');
    await page.getByRole('menuitem', { name: '月次報告' }).click();
    await page.getByTestId('report-month').fill('2020-09');
    await page.getByText('和暦: 令和2年9月').waitFor();
    await screenshot(page, 'reports-page');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF をダウンロード' }).click()]);
    expect(download.suggestedFilename()).toBe('マイナポイント月次報告_令和2年9月.pdf');
    const text = pdfPages(readFileSync((await download.path())!)).join('\n');
    expect(text).toContain('マイナポイント事業 月次報告 令和2年9月');
    await page.getByText(/ダウンロードしました/).waitFor();
    await page.context().close();
  });

  it('policy staff have no export button', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'policy');
    await page.goto('/#/payment-services');
    await page.getByRole('cell', { name: 'WAON' }).waitFor();
    expect(await page.getByRole('button', { name: 'エクスポート' }).count()).toBe(0);
    await page.context().close();
  });
});
