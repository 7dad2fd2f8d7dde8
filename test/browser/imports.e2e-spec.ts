import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as iconv from 'iconv-lite';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { TestApp } from '../support/test-app';
import { sqlCampaign, sqlParticipant, sqlQuota } from '../support/uptake-sql-fixtures';

// Policy staff import an operator report in the browser: choose the type and the
// payment service, upload, watch the progress bar complete, read the counts and the
// refused rows, download them; then follow the points to a participant's ledger.
describe('imports in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let people: string[];

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], listen: true, config: { adminDir: join(__dirname, '../../dist/admin') } });
    browser = await launchBrowser();
    const campaignId = await sqlCampaign(t);
    const quotaId = await sqlQuota(t, campaignId);
    const [{ id: paypay }] = await t.sql<{ id: number }>(`SELECT id FROM payment_services WHERE name = 'PayPay'`);
    people = [];
    for (let i = 0; i < 3; i++) people.push((await sqlParticipant(t, { campaignId, quotaId, paymentServiceId: paypay })).myKeyId);
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

  it('policy imports an operator report (Shift_JIS) and sees the progress complete, the counts and the refused rows', async () => {
    const page = await as('policy');
    await page.getByRole('menuitem', { name: 'データ取り込み' }).click();
    await page.getByText('まだ取り込みはありません').waitFor();
    await screenshot(page, 'imports-list-empty');
    await page.getByRole('link', { name: 'CSVを取り込む' }).first().click();

    await page.getByText('CSVの取り込み').first().waitFor();
    await page.getByLabel('ポイント付与（事業者報告）').check();
    await page.getByLabel('報告元の決済サービス').click();
    await page.getByRole('option', { name: 'PayPay', exact: true }).click();
    const [a, b, c] = people;
    const report = [
      '取引ID,マイキーID,取引日,取引種別,金額（円）',
      `PP-0001,${a},2020-09-05,チャージ,20000`,
      `PP-0002,${b},2020-09-05,購入,4000`,
      `PP-0003,${b},2020-09-20,購入,16000`,
      `PP-0004,${c},2020/9/21,チャージ,19999`,
      `PP-0005,${c},2020-08-20,チャージ,1000`,
      `PP-0006,NOBODY01,2020-09-21,チャージ,1000`,
      `PP-0007,${a},2020-09-22,チャージ,-300`,
    ].join('\r\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'PayPay_2020年9月分.csv', mimeType: 'text/csv', buffer: iconv.encode(report, 'cp932') });
    await page.getByText('PayPay_2020年9月分.csv').waitFor();
    // The format help follows the chosen type.
    await page.getByTestId('import-format').getByText('取引ID').first().waitFor();
    await screenshot(page, 'imports-create-point-awards');

    await page.getByTestId('import-submit').click();
    await page.waitForURL(/#\/imports\/\d+\/show/);
    await page.getByText('完了しました').waitFor();
    const bar = page.getByTestId('import-progress');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('count-total').textContent()).toBe('7');
    expect(await page.getByTestId('count-accepted').textContent()).toBe('4');
    expect(await page.getByTestId('count-duplicates').textContent()).toBe('0');
    expect(await page.getByTestId('count-rejected').textContent()).toBe('3');
    const errors = page.getByTestId('import-errors');
    await errors.getByText('取引日がポイント獲得期間外です。').waitFor();
    await errors.getByText('このマイキーIDの予約・申し込みがこのキャンペーンにありません。').waitFor();
    await errors.getByText('金額は1円以上で指定してください（0円・マイナスは取り込めません）。').waitFor();
    await screenshot(page, 'imports-show-done');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-errors-csv').click()]);
    const csv = readFileSync(await download.path()).toString('utf8');
    expect(csv.startsWith('\ufeff行,エラー内容\r\n6,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);

    // The points: 5,000 / 1,000 + 4,000 / 4,999, as on the city page.
    const points = await t.sql<{ external_id: string; points: number }>('SELECT external_id, points FROM point_awards ORDER BY external_id');
    expect(points).toEqual([
      { external_id: 'PP-0001', points: 5000 },
      { external_id: 'PP-0002', points: 1000 },
      { external_id: 'PP-0003', points: 4000 },
      { external_id: 'PP-0004', points: 4999 },
    ]);

    await page.getByRole('menuitem', { name: 'データ取り込み' }).click();
    await page.getByText('PayPay_2020年9月分.csv').waitFor();
    await screenshot(page, 'imports-list');
    await page.context().close();
  });

  it('shows a live progress bar while a large file is read and applied', async () => {
    const [{ id: quotaId }] = await t.sql<{ id: number }>('SELECT id FROM reservation_quotas LIMIT 1');
    const lines = ['myKeyId,reservedAt,channel,ageBand,district,quotaId'];
    for (let i = 0; i < 150_000; i++) lines.push(`B${i.toString(36).toUpperCase().padStart(7, '0')},2020-09-01 10:00,counter,40s,水原,${quotaId}`);
    const page = await as('policy');
    await page.goto('/#/imports/create');
    await page.getByLabel('予約', { exact: true }).check();
    await page.getByTestId('import-file').setInputFiles({ name: '予約一括.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    await page.getByTestId('import-submit').click();
    await page.waitForURL(/#\/imports\/\d+\/show/);
    // Reading, checking or applying: the bar is on its way.
    await page.getByText(/ファイルを読み込み中|規則を確認中…|データに反映中…/).waitFor();
    // For the screenshot, a moment with rows already read when the timing allows.
    await page.getByText(/[1-9][\d,]* \/ 150,000 行|規則を確認中…|データに反映中…/).waitFor({ timeout: 15_000 }).catch(() => undefined);
    await screenshot(page, 'imports-show-running');
    await page.getByText('完了しました').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('count-accepted').textContent()).toBe('150,000');
    expect(await page.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('100');
    await page.context().close();
  });

  it('shows the awards with their filters, and a participant ledger with the running total and the bar to the cap', async () => {
    const page = await as('policy');
    await page.getByRole('menuitem', { name: 'ポイント付与' }).click();
    await page.getByText('PP-0003').waitFor();
    await screenshot(page, 'point-awards-list');
    await page.getByText('PP-0003').click();
    const ledger = page.getByTestId('participant-ledger');
    await ledger.getByText('5,000 / 5,000 円').waitFor();
    await ledger.getByText('上限到達').waitFor();
    // Running total in date order: 1,000 then 5,000.
    const rows = await ledger.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('1,000');
    expect(rows[1]).toContain('5,000');
    await screenshot(page, 'point-awards-show-ledger');

    await page.goto('/#/point-awards/create');
    await page.getByText('付与ポイント = 金額 × 付与率').waitFor();
    await screenshot(page, 'point-awards-create');
    await page.context().close();
  });

  it('managers read imports and awards but cannot import', async () => {
    const page = await as('manager');
    await page.getByRole('menuitem', { name: 'データ取り込み' }).click();
    await page.getByText('PayPay_2020年9月分.csv').waitFor();
    expect(await page.getByRole('link', { name: 'CSVを取り込む' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: 'ポイント付与' }).click();
    await page.getByText('PP-0001').waitFor();
    expect(await page.getByRole('link', { name: '作成' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'データ取り込み' }).count()).toBe(1);
    await screenshot(page, 'point-awards-list-manager');
    await page.context().close();
  });
});
