import { join } from 'node:path';
import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { TestApp } from '../support/test-app';

// Issue #22 in the browser: the security page (second factor with its QR code, recovery
// codes, sessions with 「終了」), the login's code step (numeric keypad, paste, recovery
// code link), the users list's two-factor column, and a role that must set it up first.
describe('signing in with a second factor, and the security page', () => {
  let t: TestApp;
  let browser: Browser;
  let secret = '';
  let lastStep = 0;
  /** A code not used yet (each is accepted once): waits for the next 30-second step when needed. */
  async function freshCode(): Promise<string> {
    let step = Math.floor(Date.now() / 30_000);
    if (step <= lastStep) {
      await new Promise((r) => setTimeout(r, (lastStep + 1) * 30_000 - Date.now() + 200));
      step = Math.floor(Date.now() / 30_000);
    }
    lastStep = step;
    return generateSync({ secret, epoch: step * 30 });
  }

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed], listen: true, config: { adminDir: join(__dirname, '../../dist/admin') } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const securityPage = async (page: Page) => {
    await page.goto('/#/security');
    await page.getByTestId('security-page').waitFor();
  };

  it('sets up the second factor with the QR code made by the server, and shows ten recovery codes once', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'policy');
    // In the menu for everyone.
    await page.getByRole('menuitem', { name: 'セキュリティ' }).click();
    await page.getByTestId('security-page').waitFor();
    await page.getByTestId('totp-status').getByText('無効').waitFor();
    await page.getByTestId('totp-start').click();
    const qr = page.getByRole('img', { name: '認証アプリに登録する QR コード' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await screenshot(page, 'security-totp-setup');
    await page.getByLabel('確認コード（6桁）').fill(await freshCode());
    await page.getByRole('button', { name: '確認して有効にする' }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    expect(await codes.locator('li').count()).toBe(10);
    await page.getByTestId('totp-status').getByText('有効').waitFor();
    await screenshot(page, 'security-recovery-codes');
    await page.getByRole('button', { name: '保管しました' }).click();
    await page.getByTestId('recovery-left').getByText('残り 10 個').waitFor();
  });

  it('asks for the code after the password: numeric keypad, pasted with a space, recovery-code link', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await page.goto('/#/login');
    await page.locator('input[name="username"]').fill('policy');
    await page.locator('input[name="password"]').fill('mynapoint-demo');
    await page.keyboard.press('Enter');
    const code = page.getByLabel('確認コード（6桁）');
    await code.waitFor();
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await page.getByRole('button', { name: '復旧コードを使う' }).click();
    await page.getByLabel('復旧コード').waitFor();
    await page.getByRole('button', { name: '認証アプリの確認コードを使う' }).click();
    await screenshot(page, 'login-code-step');
    // As pasted from a phone: "123 456".
    const c = await freshCode();
    await page.getByLabel('確認コード（6桁）').fill(`${c.slice(0, 3)} ${c.slice(3)}`);
    expect(await page.getByLabel('確認コード（6桁）').inputValue()).toBe(c);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  });

  it('refuses a wrong code with a message and stays on the code step', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await page.goto('/#/login');
    await page.locator('input[name="username"]').fill('policy');
    await page.locator('input[name="password"]').fill('mynapoint-demo');
    await page.locator('button[type="submit"]').click();
    await page.getByLabel('確認コード（6桁）').fill('000000' === generateSync({ secret }) ? '111111' : '000000');
    await page.keyboard.press('Enter');
    await page.getByText('確認コードが正しくありません', { exact: false }).waitFor();
    expect(page.url()).toContain('#/login');
  });

  it('lists the sessions and ends another one with 「終了」', async () => {
    // Another browser of the same user (the phone): its token is ended from this page.
    const other = await t.anon.post('/api/auth/login').set('User-Agent', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1').send({ username: 'manager', password: 'mynapoint-demo' });
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'manager');
    await securityPage(page);
    const table = page.getByTestId('sessions-table');
    await table.getByText('この端末').waitFor();
    await table.getByText('Safari / iOS').waitFor();
    await screenshot(page, 'security-sessions');
    // Keyboard: Tab reaches the button, Enter ends the session.
    const end = page.getByRole('button', { name: 'Safari / iOS のセッションを終了' });
    await end.focus();
    await page.keyboard.press('Enter');
    await page.getByText('セッションを終了しました。').waitFor();
    await table.getByText('Safari / iOS').waitFor({ state: 'detached' });
    await t.client(other.body.accessToken).get('/api/auth/me').expect(401);
  });

  it('shows the admin who has the second factor on, and resets it after asking', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'admin');
    await page.goto('/#/users');
    const row = page.locator('tr', { has: page.getByText('policy', { exact: true }) });
    await row.waitFor();
    await page.getByRole('columnheader', { name: '二要素認証' }).waitFor();
    await screenshot(page, 'users-two-factor-column');
    await row.click();
    await page.getByTestId('user-security').getByText('二要素認証: 有効').waitFor();
    await page.getByTestId('totp-reset').click();
    await page.getByTestId('totp-reset-confirm').click();
    await page.getByText('policy の二要素認証をリセットしました。', { exact: false }).or(page.getByText('二要素認証をリセットしました。', { exact: false })).first().waitFor();
    const [u] = await t.sql(`SELECT totp_enabled_at FROM users WHERE username = 'policy'`);
    expect(u.totp_enabled_at).toBeNull();
  });

  it('sends a role that must use it to the set-up after the password, with nothing else open', async () => {
    // The admin ticks the role on its security page (the municipality's totpRequiredRoles).
    const adminPage = await newPage(browser, t.baseUrl!);
    await login(adminPage, 'admin');
    await securityPage(adminPage);
    const card = adminPage.getByTestId('totp-policy');
    await card.getByRole('checkbox', { name: '窓口職員' }).check();
    await screenshot(adminPage, 'security-totp-policy');
    await card.getByRole('button', { name: '保存' }).click();
    await adminPage.getByText('二要素認証の方針を保存しました。').waitFor();
    const [{ id, roles }] = await t.sql<{ id: number; roles: string[] }>('SELECT id, totp_required_roles AS roles FROM municipalities WHERE code = $1', [t.config.municipalityCode]);
    expect(roles).toEqual(['counter']);
    await adminPage.close();
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'counter');
    await page.getByTestId('security-page').waitFor();
    expect(page.url()).toContain('#/security');
    await page.getByText('設定が終わるまで、ほかの画面は使えません。', { exact: false }).waitFor();
    // The menu offers nothing else; another address comes back here.
    expect(await page.getByRole('menuitem').allInnerTexts()).toEqual(['セキュリティ']);
    await page.goto('/#/assistance-records');
    await page.getByTestId('security-page').waitFor();
    await screenshot(page, 'security-setup-required');
    await (await t.as('admin')).put(`/api/municipalities/${id}`).send({ totpRequiredRoles: [] }).expect(200);
  });
});
