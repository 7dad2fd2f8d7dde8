import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { settle, trackRequests } from '../support/a11y';
import { paymentServiceBody } from '../support/fixtures';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { FocusLog, focused, named } from '../support/keyboard';
import { TestApp } from '../support/test-app';
import { campaignBody, newMyKeyId } from '../support/uptake-fixtures';

const ADMIN_DIR = join(__dirname, '..', '..', 'dist', 'admin');

// Issue #19 in the admin: policy staff open Round 2, see its three measures, the city's
// top-up with its budget gauge, and register a resident's health-insurance-card award
// (a fixed 7,500 yen, no amount) by keyboard alone.
describe('Round 2 measures in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let round2: number;
  let topUp: { campaign: number; measure: number };
  const resident = newMyKeyId();

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed], listen: true, config: { adminDir: ADMIN_DIR } });
    const operator = await t.asOperator();
    const policy = await t.as('policy');
    // The national Round 2 and its three measures (the operator keeps them).
    round2 = (
      await operator
        .post('/api/campaigns')
        .send(
          campaignBody({
            name: 'マイナポイント第2弾',
            reservationOpensOn: '2022-01-01',
            reservationClosesOn: '2023-09-30',
            applicationOpensOn: '2022-01-01',
            applicationClosesOn: '2023-09-30',
            earningStartsOn: '2022-01-01',
            earningEndsOn: '2023-09-30',
          }),
        )
        .expect(201)
    ).body.id;
    const measure = (body: Record<string, unknown>) => ({ campaignId: round2, fundedBy: 'national', ...body });
    const existing = (await operator.get('/api/measures').query({ filter: JSON.stringify({ campaignId: round2 }) }).expect(200)).body as Array<{ id: number }>;
    // The campaign's own first measure (made with it) becomes the card measure.
    await operator
      .put(`/api/measures/${existing[0].id}`)
      .send(measure({ name: 'マイナンバーカードの取得（最大5,000円）', kind: 'rate_with_cap', ratePercent: 25, capPerPersonYen: 5000, eligibility: 'new_or_below_cap' }))
      .expect(200);
    const fixed = { kind: 'fixed_amount', fixedAmountYen: 7500, applicationOpensOn: '2022-06-30', earningStartsOn: '2022-06-30' };
    const health = (await operator.post('/api/measures').send(measure({ name: '健康保険証としての利用申込', ...fixed })).expect(201)).body.id;
    await operator.post('/api/measures').send(measure({ name: '公金受取口座の登録', ...fixed })).expect(201);

    // The city's own top-up: 2,000 yen for residents under 18, a budget of 20,000,000 yen.
    const own = (await policy.post('/api/campaigns').send(campaignBody({ name: '阿賀野市 子育て応援ポイント', reservationOpensOn: '2022-10-31', reservationClosesOn: '2023-03-31', applicationOpensOn: '2022-10-31', applicationClosesOn: '2023-03-31', earningStartsOn: '2022-10-31', earningEndsOn: '2023-03-31' })).expect(201)).body.id;
    const ownMeasures = (await policy.get('/api/measures').query({ filter: JSON.stringify({ campaignId: own }) }).expect(200)).body as Array<{ id: number }>;
    const topUpMeasure = (
      await policy
        .put(`/api/measures/${ownMeasures[0].id}`)
        .send({ name: '18歳未満の子育て応援 2,000円', kind: 'fixed_amount', fixedAmountYen: 2000, ratePercent: null, capPerPersonYen: null, eligibility: 'residents_by_age', maxAge: 17, fundedBy: 'municipality', budgetYen: 20_000_000, earningEndsOn: '2023-03-31' })
        .expect(200)
    ).body.id;
    topUp = { campaign: own, measure: topUpMeasure };

    // The resident applied to the health-insurance measure with a service.
    const service = (await policy.post('/api/payment-services').send(paymentServiceBody({ name: '阿賀野Pay', applicationsOpenOn: '2020-07-01' })).expect(201)).body.id;
    await policy.post('/api/applications').send({ myKeyId: resident, paymentServiceId: service, campaignId: round2, measureId: health, channel: 'counter', appliedAt: '2022-07-01T10:00:00+09:00' }).expect(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('policy opens Round 2 and sees its three measures, then the top-up’s budget gauge', async () => {
    const page = await newPage(browser, t.baseUrl!, { viewport: { width: 1280, height: 900 } });
    await login(page, 'policy');
    await page.goto(`/#/campaigns/${round2}/show`);
    const measures = page.getByTestId('campaign-measures');
    for (const name of ['マイナンバーカードの取得（最大5,000円）', '健康保険証としての利用申込', '公金受取口座の登録']) await measures.getByText(name).waitFor();
    expect(await measures.getByRole('row').count()).toBe(4); // the header and three measures
    await measures.getByText('定額 7,500円（1人1回、登録で付与）').first().waitFor();
    // Round 2 is national: its measures are the operator's, no 「施策を追加」 for the city.
    expect(await measures.getByRole('link', { name: '施策を追加' }).count()).toBe(0);
    await screenshot(page, 'measures-round2-campaign');

    await page.goto(`/#/campaigns/${topUp.campaign}/show`);
    await page.getByTestId('campaign-measures').getByRole('link', { name: '施策を追加' }).waitFor();
    await page.goto(`/#/measures/${topUp.measure}/show`);
    const gauge = page.getByTestId('budget-gauge');
    await gauge.waitFor();
    expect(await gauge.getAttribute('data-level')).toBe('normal');
    await gauge.getByText('使用 0円・残り 20,000,000円 / 20,000,000円（0%）').waitFor();
    await screenshot(page, 'measures-top-up-budget');

    await page.goto('/#/');
    await page.locator('[data-panel="measures"]').getByText('18歳未満の子育て応援 2,000円').waitFor();
    await screenshot(page, 'measures-dashboard');
    await page.context().close();
  });

  it('admin reads on the campaign page who extended which deadline, and when (the audit log)', async () => {
    const policy = await t.as('policy');
    // The city extends its top-up's application deadline, then its measure's earning period.
    await policy.put(`/api/campaigns/${topUp.campaign}`).send({ applicationClosesOn: '2023-05-31' }).expect(200);
    await policy.put(`/api/measures/${topUp.measure}`).send({ earningEndsOn: '2023-06-30' }).expect(200);
    const page = await newPage(browser, t.baseUrl!, { viewport: { width: 1280, height: 900 } });
    await login(page, 'admin');
    await page.goto(`/#/campaigns/${topUp.campaign}/show`);
    const history = page.getByTestId('deadline-history');
    await history.waitFor();
    const rows = history.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    await rows.nth(0).getByText('「18歳未満の子育て応援 2,000円」 ポイント対象期間（終了）').waitFor();
    await rows.nth(0).getByText('令和5年3月31日 → 令和5年6月30日').waitFor();
    await rows.nth(1).getByText('申し込み終了日').waitFor();
    await rows.nth(1).getByText('令和5年3月31日 → 令和5年5月31日').waitFor();
    expect(await rows.nth(1).getByRole('cell').nth(1).innerText()).toBe('policy');
    await screenshot(page, 'measures-deadline-history');
    await page.context().close();
  });

  it('policy creates a registration award by keyboard: MyKey ID, measure, date, no amount', async () => {
    const page = await newPage(browser, t.baseUrl!, { viewport: { width: 1280, height: 900 } });
    const inflight = trackRequests(page);
    await login(page, 'policy');
    await page.goto('/#/point-awards/create');
    await settle(page, inflight);
    const keys = new FocusLog();
    expect((await focused(page)).field).toBe('myKeyId');
    await page.keyboard.type(resident);
    const measure = await keys.press(page, 'Tab');
    expect(measure.role).toBe('combobox');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox').waitFor();
    for (let i = 0; i < 10 && !/健康保険証/.test((await focused(page)).name); i++) await page.keyboard.press('ArrowDown');
    expect((await focused(page)).name).toMatch(/健康保険証としての利用申込/);
    await page.keyboard.press('Enter');
    await page.getByTestId('registration-award').waitFor();
    expect(await page.locator('input[name="amountYen"]').count()).toBe(0);
    // The registration date (today by default): its year section, then the digits.
    await keys.tabTo(page, (f) => f.name === '年');
    await page.keyboard.type('20220705');
    await screenshot(page, 'measures-registration-award-form');
    await keys.tabTo(page, named('保存'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/point-awards\/\d+\/show/);
    await screenshot(page, 'measures-registration-award-saved');
    // Exactly the measure's fixed amount, once, to that resident.
    const rows = await t.sql<{ kind: string; day: string; points: number; amount_yen: number; mykey_last4: string }>(
      `SELECT pa.kind, pa.transaction_date::text AS day, pa.points, pa.amount_yen, p.mykey_last4 FROM point_awards pa JOIN participants p ON p.id = pa.participant_id
       JOIN measures m ON m.id = p.measure_id WHERE m.name = '健康保険証としての利用申込'`,
    );
    expect(rows).toEqual([{ kind: 'registration', day: '2022-07-05', points: 7500, amount_yen: 7500, mykey_last4: resident.slice(-4) }]);
    expect(keys.unringed).toEqual([]);
    await page.context().close();
  });
});
