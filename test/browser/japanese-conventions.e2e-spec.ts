import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { TestApp } from '../support/test-app';

// Issue #16 (item 7): the payment-service list in reading order, an audit-log row that
// opens and shows its change as before/after, and a manager's empty imports list that
// does not invite an import the manager cannot make.
describe('Japanese conventions in the browser', () => {
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

  async function as(role: string): Promise<Page> {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, role);
    return page;
  }

  it('lists payment services by reading, with the reading shown', async () => {
    const page = await as('policy');
    await page.goto('/#/payment-services');
    await page.getByRole('columnheader', { name: 'よみがな' }).waitFor();
    // The name is the first column (lists have no selection checkboxes: issue #23).
    // The name alone (a national service carries a 「国」 chip after it).
    const names = (await page.locator('tbody tr td:nth-child(1)').allInnerTexts()).map((n) => n.split('\n')[0].trim());
    // atone (あとね) first, WAON (わおん) last of the seed: gojūon order by reading
    expect(names[0]).toBe('atone');
    expect(names.indexOf('イオンカード')).toBeLessThan(names.indexOf('ICOCA'));
    await screenshot(page, 'payment-services-list-by-reading');
  });

  it('opens an audit-log row from the list and shows the change as field / before / after, with 対象 labelled', async () => {
    const policy = await t.as('policy');
    const created = await policy.post('/api/payment-services').send({ name: '監査画面Pay', operator: '監査株式会社', kind: 'qr_code', status: 'active', applicationsOpenOn: '2020-07-01' }).expect(201);
    await policy.put(`/api/payment-services/${created.body.id}`).send({ status: 'suspended', notes: '一時停止の連絡あり' }).expect(200);

    const page = await as('manager');
    await page.goto('/#/audit-logs');
    // the sign-in rows say 認証, not auth
    await page.getByRole('cell', { name: '認証（サインイン）' }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'auth', exact: true }).count()).toBe(0);
    await screenshot(page, 'audit-logs-list-labelled');
    await page.getByRole('cell', { name: '更新', exact: true }).first().click();
    await page.getByText('監査ログ #').first().waitFor();
    const table = page.getByRole('table', { name: '変更内容' });
    await table.waitFor();
    const status = table.getByRole('row', { name: /状態/ });
    expect(await status.getByRole('cell').allInnerTexts()).toEqual(['active', 'suspended']);
    expect(await table.getByRole('row', { name: /備考/ }).getByRole('cell').allInnerTexts()).toEqual(['（記録なし）', '一時停止の連絡あり']);
    await page.getByText('キャッシュレス決済サービス').first().waitFor();
    await screenshot(page, 'audit-log-show');
  });

  it("tells a manager who imports, without an import button, on the empty imports list", async () => {
    const page = await as('manager');
    await page.goto('/#/imports');
    await page.getByText('まだ取り込みはありません。CSVの取り込みは政策推進係・システム管理者が行います。').waitFor();
    expect(await page.getByText('CSVを取り込めます').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'CSVを取り込む' }).count()).toBe(0);
    await screenshot(page, 'imports-list-empty-manager');
  });
});
