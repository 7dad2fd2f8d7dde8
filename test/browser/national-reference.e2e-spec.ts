import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { paymentServiceBody } from '../support/fixtures';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { campaignBody } from '../support/uptake-fixtures';
import { TestApp } from '../support/test-app';

// National reference data in the admin UI: a municipality's staff see the operator's
// payment services and campaigns marked 「国」, without edit or delete buttons; their own
// rows keep them.
describe('national reference data in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let national: { service: number; campaign: number };
  let own: number;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed], listen: true, config: { adminDir: join(__dirname, '../../dist/admin') } });
    const operator = await t.asOperator();
    national = {
      service: (await operator.post('/api/payment-services').send(paymentServiceBody({ name: '国の決済Pay' })).expect(201)).body.id,
      campaign: (await operator.post('/api/campaigns').send(campaignBody({ name: 'マイナポイント第2弾（国）' })).expect(201)).body.id,
    };
    own = (await (await t.as('policy')).post('/api/payment-services').send(paymentServiceBody({ name: '市の地域Pay' })).expect(201)).body.id;
    await (await t.as('policy')).post('/api/campaigns').send(campaignBody({ name: '市の上乗せキャンペーン' })).expect(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('policy staff see 「国」 on the national payment service, with no edit button there, and keep theirs', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'policy');
    await page.goto('/#/payment-services');
    const nationalRow = page.getByRole('row').filter({ hasText: '国の決済Pay' });
    const ownRow = page.getByRole('row').filter({ hasText: '市の地域Pay' });
    await nationalRow.getByText('国', { exact: true }).waitFor();
    await ownRow.getByRole('link', { name: '編集' }).waitFor();
    expect(await nationalRow.getByRole('link', { name: '編集' }).count()).toBe(0);
    expect(await ownRow.getByText('国', { exact: true }).count()).toBe(0);
    await screenshot(page, 'national-payment-services-list');

    await page.goto(`/#/payment-services/${national.service}/show`);
    await page.getByText('国の決済Pay').first().waitFor();
    await page.getByLabel('国が登録（運用事業者が管理・変更不可）').waitFor();
    expect(await page.getByRole('link', { name: '編集' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '削除' }).count()).toBe(0);
    await screenshot(page, 'national-payment-service-show');

    await page.goto(`/#/payment-services/${own}/show`);
    await page.getByText('市の地域Pay').first().waitFor();
    await page.getByRole('link', { name: '編集' }).waitFor();
    await page.getByRole('button', { name: '削除' }).waitFor();
    await page.context().close();
  });

  it('the same for campaigns', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'admin');
    await page.goto('/#/campaigns');
    await page.getByRole('row').filter({ hasText: 'マイナポイント第2弾（国）' }).getByText('国', { exact: true }).waitFor();
    await screenshot(page, 'national-campaigns-list');
    await page.goto(`/#/campaigns/${national.campaign}/show`);
    await page.getByText('マイナポイント第2弾（国）').first().waitFor();
    expect(await page.getByRole('link', { name: '編集' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '削除' }).count()).toBe(0);
    await page.context().close();
  });

  it('the operator keeps the buttons on national rows', async () => {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, 'operator');
    await page.goto(`/#/payment-services/${national.service}/show`);
    await page.getByText('国の決済Pay').first().waitFor();
    await page.getByRole('link', { name: '編集' }).waitFor();
    await page.context().close();
  });
});
