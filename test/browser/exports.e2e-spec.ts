import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

  it('the report page keeps its buttons whole and apart at 1280×720 and narrower', async () => {
    const open = async (width: number, height: number) => {
      const page = await newPage(browser, t.baseUrl!);
      // A phone starts with the menu closed (a drawer over the page); a resized desktop window would keep it open.
      await page.setViewportSize({ width, height });
      await login(page, 'manager');
      await page.goto('/#/reports');
      return page;
    };
    const check = async (page: Page, width: number, height: number) => {
      await page.setViewportSize({ width, height });
      const buttons = [page.getByRole('button', { name: 'PDF をダウンロード' }), page.getByRole('button', { name: 'Excel をダウンロード' })];
      await buttons[0].waitFor();
      const boxes = [];
      for (const b of [page.getByTestId('report-month'), ...buttons]) boxes.push((await b.boundingBox())!);
      for (const [i, b] of buttons.entries()) {
        // The label is not cut off (the button is as wide as its text) and the button stays in the window.
        const fits = await b.evaluate((el) => [el, ...el.querySelectorAll('*')].every((n) => n.scrollWidth <= n.clientWidth));
        expect({ width, button: i, fits }).toEqual({ width, button: i, fits: true });
        expect(boxes[i + 1].x + boxes[i + 1].width).toBeLessThanOrEqual(width);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect({ width, pair: [i, j], apart }).toEqual({ width, pair: [i, j], apart: true });
        }
      await screenshot(page, `reports-page-${width}`);
    };
    const desktop = await open(1280, 720);
    for (const [width, height] of [[1280, 720], [1024, 720], [800, 720], [600, 800]]) await check(desktop, width, height);
    await desktop.context().close();
    const phone = await open(390, 800);
    await check(phone, 390, 800);
    await phone.context().close();
  });

  it('policy staff have no export button', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'policy');
    // Searched: the list sorts by reading (よみがな), and わおん is on its last page.
    await page.goto(`/#/payment-services?filter=${encodeURIComponent(JSON.stringify({ q: 'WAON' }))}`);
    await page.getByRole('cell', { name: 'WAON' }).waitFor();
    expect(await page.getByRole('button', { name: 'エクスポート' }).count()).toBe(0);
    await page.context().close();
  });
});
