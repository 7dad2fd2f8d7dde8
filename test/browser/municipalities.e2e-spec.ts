import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { createFraudAlertWithNotice } from '../support/fraud-fixtures';
import { TestApp } from '../support/test-app';

// Issue #18: the operator sets up a municipality with its first admin in the admin UI;
// that admin signs in with the 団体コード (remembered for the next visit) and sees its
// own municipality's name in the header; a municipality's admin edits 自治体の設定.
describe('municipalities in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  const PASSWORD = 'shibata-kanri-2026';

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed], listen: true, config: { adminDir: join(__dirname, '../../dist/admin') } });
    await t.addInstallationUser('operator', 'operator');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const header = (page: Page) => page.getByTestId('header-municipality');

  it('the operator creates a municipality with its first admin', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'operator');
    // The operator's menu: what it keeps, no resident data.
    await page.getByRole('menuitem', { name: '市区町村' }).waitFor();
    for (const hidden of ['予約', '申し込み', '参加者', '窓口支援', '詐欺情報']) expect(await page.getByRole('menuitem', { name: hidden, exact: true }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '自治体の設定' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: '市区町村' }).click();
    await page.getByRole('cell', { name: '阿賀野市', exact: true }).waitFor();
    await screenshot(page, 'municipalities-list-operator');

    await page.getByRole('link', { name: '作成' }).click();
    await page.getByLabel('団体コード').fill('152065');
    await page.getByLabel('市区町村名').fill('新発田市');
    // The check digit is checked before the round trip.
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('6桁目（検査数字）が合いません。').waitFor();
    await page.getByLabel('団体コード').fill('152064');
    for (const [i, [name, population]] of [['新発田', '70000'], ['豊浦', '']].entries()) {
      await page.getByRole('button', { name: '追加' }).click();
      await page.locator(`input[name="districtRows.${i}.name"]`).fill(name);
      if (population) await page.locator(`input[name="districtRows.${i}.population"]`).fill(population);
    }
    await page.getByLabel('問い合わせ先電話番号').fill('0254-22-3101');
    await page.getByLabel('ユーザー名').fill('admin');
    await page.getByLabel('氏名・表示名').fill('新発田市 システム管理者');
    await page.locator('input[name="firstAdmin.password"]').fill(PASSWORD);
    await screenshot(page, 'municipalities-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/municipalities\/\d+\/show$/);
    await page.getByText('0254-22-3101').waitFor();
    await page.getByRole('cell', { name: '70,000' }).waitFor();
    await screenshot(page, 'municipalities-show');

    const [row] = await t.sql<{ name: string; districts: string[]; district_population: Record<string, number> }>(`SELECT name, districts, district_population FROM municipalities WHERE code = '152064'`);
    expect(row).toEqual({ name: '新発田市', districts: ['新発田', '豊浦'], district_population: { 新発田: 70000 } });
    expect(await t.sql(`SELECT role FROM users WHERE municipality_code = '152064'`)).toEqual([{ role: 'admin' }]);
    await page.context().close();
  });

  it('that admin signs in with the 団体コード, sees 新発田市 in the header, and finds the code remembered', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await page.goto('/#/login');
    await page.getByLabel('団体コード').waitFor();
    await screenshot(page, 'municipalities-login-code');
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('input[name="municipalityCode"]').fill('１５２０６４'); // typed with the IME
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.hash.startsWith('#/login'));
    await page.getByRole('menuitem', { name: '自治体の設定' }).waitFor();
    expect(await header(page).innerText()).toBe('新発田市');
    expect(await page.getByRole('menuitem', { name: '市区町村' }).count()).toBe(0);
    await screenshot(page, 'municipalities-signed-in-second');

    // Signed out: the next visit offers the code again.
    await page.evaluate("localStorage.removeItem('mynapoint.session')");
    await page.goto('/#/login');
    await page.reload();
    expect(await page.locator('input[name="municipalityCode"]').inputValue()).toBe('152064');
    await page.context().close();
  });

  it('the default municipality’s admin edits 自治体の設定 (its own row only) and the header follows', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: '自治体の設定' }).click();
    await page.getByLabel('市区町村名').waitFor();
    expect(await header(page).innerText()).toBe('阿賀野市');
    // The code is shown, never an input.
    expect(await page.locator('input[name="code"]').count()).toBe(0);
    await page.getByText('152234').waitFor();
    // Whether it is open is the operator's.
    expect(await page.getByLabel('利用中').count()).toBe(0);
    expect(await page.locator('input[name="districtRows.0.name"]').inputValue()).toBe('水原');
    await page.getByLabel('市区町村名').fill('阿賀野市役所');
    await page.getByLabel('問い合わせ先電話番号').fill('0250-62-2510');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('自治体の設定を保存しました。').waitFor();
    // The header slides away while the page is scrolled (react-admin's app bar): its text, not its visibility.
    await page.waitForFunction(`document.querySelector('[data-testid="header-municipality"]')?.textContent === '阿賀野市役所'`);
    await screenshot(page, 'municipalities-own-settings');
    expect(await t.sql(`SELECT name, contact_phone FROM municipalities WHERE code = $1`, [t.config.municipalityCode])).toEqual([{ name: '阿賀野市役所', contact_phone: '0250-62-2510' }]);

    // Warning notices carry the municipality's own name and contact.
    const alert = await createFraudAlertWithNotice(t);
    await page.goto(`/#/notices/${alert.id}/print`);
    const contact = page.getByTestId('notice-contact');
    await contact.getByText('阿賀野市役所の問い合わせ先').waitFor();
    await contact.getByText('0250-62-2510').waitFor();
    await screenshot(page, 'municipalities-notice-contact');
    await page.context().close();
  });
});
