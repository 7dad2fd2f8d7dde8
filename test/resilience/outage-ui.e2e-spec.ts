import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { createPaymentService } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { adminDatabaseUrl } from '../support/test-env';

const ADMIN_DIR = join(__dirname, '..', '..', 'dist', 'admin');
jest.setTimeout(180_000);

// What staff see when the database goes away under them: the admin UI stays up, a
// list says in Japanese that it could not be read because the database cannot be
// reached (the API's 503; not "nothing matches"), the session is kept (a 503 is not a
// sign-in problem), and once the database is back the list's button reads it again
// and every page works without signing in anew.
describe('the admin UI during a database outage', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: Client;

  beforeAll(async () => {
    t = await TestApp.start({ listen: true, config: { adminDir: ADMIN_DIR } });
    browser = await launchBrowser();
    admin = new Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.query(`ALTER DATABASE ${t.databaseName} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin?.end();
    await browser?.close();
    await t?.close();
  });

  it('shows the Japanese message while it lasts and works again after, still signed in', async () => {
    const service = await createPaymentService(t, { name: `障害表示Pay ${Date.now().toString(36)}` });
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'admin');
    await page.goto('/#/payment-services');
    // exact: the よみがな column shows the name lower-cased, which a loose match would also take.
    await page.getByText(String(service.name), { exact: true }).waitFor();

    // This app's database refuses connections and its open ones are cut, as in an outage.
    await admin.query(`ALTER DATABASE ${t.databaseName} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [t.databaseName]);
    await page.goto('/#/users');
    const notice = page.getByText('データベースに接続できないため、処理できませんでした。しばらく待ってからもう一度お試しください。').first();
    await notice.waitFor();
    // The list says that it could not be read, and why; never that there is nothing.
    const failed = page.getByRole('alert').filter({ hasText: '一覧を読み込めませんでした' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain('データベースに接続できないため');
    expect(await page.getByText(/該当する.*はありません/).count()).toBe(0);
    await page.waitForTimeout(600); // the notification's fade-in
    await screenshot(page, 'outage-ui-503');
    expect(page.url()).not.toContain('#/login');

    await admin.query(`ALTER DATABASE ${t.databaseName} ALLOW_CONNECTIONS true`);
    // The list's own button asks again: the rows come, without reloading the page.
    await failed.getByRole('button', { name: '再読み込み' }).click();
    await page.getByRole('cell', { name: 'counter', exact: true }).waitFor();
    expect(await failed.count()).toBe(0);
    await page.goto('/#/payment-services');
    await page.reload();
    await page.getByText(String(service.name), { exact: true }).waitFor();
    await screenshot(page, 'outage-ui-recovered');
    expect(page.url()).not.toContain('#/login');
  });
});
