import type { Browser, Page } from 'playwright-core';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { TestApp } from '../support/test-app';

// Each role signs in through the real login page and sees the Japanese UI; policy
// staff register a payment service; counter staff see the registry without edit buttons.
describe('foundation in the browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], listen: true, config: { adminDir: require('node:path').join(__dirname, '../../dist/admin') } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function as(role: string): Promise<Page> {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, role);
    return page;
  }

  it.each(['admin', 'policy', 'counter', 'manager'])('%s signs in and sees the Japanese UI', async (role) => {
    const page = await as(role);
    await page.getByText('ダッシュボード').first().waitFor();
    await page.getByRole('menuitem', { name: '決済サービス' }).waitFor();
    // Only admins manage users; admins and managers read the audit log.
    expect(await page.getByRole('menuitem', { name: 'ユーザー' }).count()).toBe(role === 'admin' ? 1 : 0);
    expect(await page.getByRole('menuitem', { name: '監査ログ' }).count()).toBe(role === 'admin' || role === 'manager' ? 1 : 0);
    await screenshot(page, `foundation-dashboard-${role}`);
    await page.context().close();
  });

  it('shows the login page in Japanese and refuses a wrong password', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await page.goto('/#/login');
    await page.locator('input[name="username"]').fill('policy');
    await page.locator('input[name="password"]').fill('wrong-password');
    await page.locator('button[type="submit"]').click();
    await page.getByText('ユーザー名またはパスワードが正しくありません。').waitFor();
    await screenshot(page, 'foundation-login-failed');
    await page.context().close();
  });

  it('policy staff register a payment service and find it in the list', async () => {
    const page = await as('policy');
    await page.goto('/#/payment-services/create');
    await page.getByLabel('サービス名').fill('あがのPay');
    await page.getByLabel('決済事業者').fill('阿賀野決済株式会社');
    await page.getByLabel('種類').click();
    await page.getByRole('option', { name: 'QRコード決済' }).click();
    await screenshot(page, 'foundation-payment-service-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('あがのPay').first().waitFor();
    await page.goto('/#/payment-services');
    await page.getByPlaceholder('サービス名・事業者').fill('あがの');
    // exact: the よみがな column shows あがのpay, which a case-insensitive match would also take.
    await page.getByRole('cell', { name: 'あがのPay', exact: true }).waitFor();
    await screenshot(page, 'foundation-payment-service-list');
    const [row] = await t.sql<{ kind: string; operator: string }>(`SELECT kind, operator FROM payment_services WHERE name = 'あがのPay'`);
    expect(row).toEqual({ kind: 'qr_code', operator: '阿賀野決済株式会社' });
    await page.context().close();
  });

  it('counter staff read the registry without edit or create buttons', async () => {
    const page = await as('counter');
    await page.goto('/#/payment-services');
    await page.getByRole('cell', { name: /^PayPay( |$)/ }).waitFor();
    expect(await page.getByRole('link', { name: '編集' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '作成' }).count()).toBe(0);
    await screenshot(page, 'foundation-payment-service-list-counter');
    await page.context().close();
  });

  it('switches to English', async () => {
    const page = await as('manager');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Payment services' }).waitFor();
    await screenshot(page, 'foundation-english');
    await page.context().close();
  });
});
