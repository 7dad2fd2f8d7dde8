import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fraudSeed } from '../../apps/api/src/database/seed/fraud.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { SCREENSHOT_DIR, launchBrowser, login, newPage, screenshot } from '../support/browser';
import { TestApp } from '../support/test-app';

const ADMIN_DIR = join(__dirname, '..', '..', 'dist', 'admin');
// Browser stories take longer than Jest's default 5 s per test.
jest.setTimeout(180_000);

const TITLE = `市職員を名乗るSMSにご注意ください（${Date.now().toString(36)}）`;

// The whole path as staff walk it: counter staff file a report, policy staff triage
// it and draft the notice, a manager publishes it, and counter staff see the warning
// on their dashboard and print the flyer.
describe('fraud alerts in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let alertId: number;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, fraudSeed], listen: true, config: { adminDir: ADMIN_DIR } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  // Counter staff land on their quick-entry screen; these stories start at the dashboard.
  async function as(role: string): Promise<Page> {
    const page = await newPage(browser, t.baseUrl!);
    await login(page, role);
    await page.goto('/#/');
    return page;
  }

  it('counter staff file a report in the quick form', async () => {
    const page = await as('counter');
    await page.getByTestId('published-notices').waitFor();
    await screenshot(page, 'fraud-01-dashboard-counter-before');

    await page.goto('/#/fraud-alerts/create');
    await page.locator('input[name="channel"][value="sms"]').check();
    await page.locator('input[name="impersonated"][value="city_staff"]').check();
    await page.getByTestId('chips-requestedItems').locator('[data-value="pin"]').click();
    await page.getByTestId('chips-requestedItems').locator('[data-value="bank_account"]').click();
    await page.getByRole('button', { name: '安田', exact: true }).click();
    await page.locator('textarea[name="description"]').fill('市役所を名乗るSMSで、給付金の手続きとして口座番号と暗証番号の返信を求められた。返信していない。');
    // The severity follows the facts: a PIN was asked for → high.
    await page.getByTestId('severity-preview').getByText('高').waitFor();

    // The My Number guard answers in the form before the server does.
    const description = page.locator('textarea[name="description"]');
    await description.fill('番号 1234 5678 9018 を聞かれた');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('マイナンバー（12桁の個人番号）のように見える番号').first().waitFor();
    expect(page.url()).toContain('/create');
    await description.fill('市役所を名乗るSMSで、給付金の手続きとして口座番号と暗証番号の返信を求められた。返信していない。');
    await screenshot(page, 'fraud-02-create-counter');

    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/fraud-alerts\/\d+\/show/);
    alertId = Number(/fraud-alerts\/(\d+)\/show/.exec(page.url())![1]);
    await page.getByText('新規').first().waitFor();
    await page.getByTestId('fraud-history').getByText('受付').waitFor();
    await screenshot(page, 'fraud-03-show-counter');
    // Counter staff record; they do not triage.
    expect(await page.getByTestId('to-investigating').count()).toBe(0);

    const [row] = await t.sql<{ status: string; severity: string; district: string; requested_items: string[]; username: string }>(
      `SELECT fa.status, fa.severity, fa.district, fa.requested_items, u.username FROM fraud_alerts fa JOIN users u ON u.id = fa.reported_by WHERE fa.id = $1`,
      [alertId],
    );
    expect(row).toEqual({ status: 'new', severity: 'high', district: '安田', requested_items: ['bank_account', 'pin'], username: 'counter' });
    await page.context().close();
  });

  it('policy staff start the investigation and draft the notice', async () => {
    const page = await as('policy');
    await page.goto(`/#/fraud-alerts/${alertId}/show`);
    await page.getByTestId('to-investigating').click();
    await page.getByTestId('status-comment').fill('相談者に折り返し連絡し、SMSの文面を確認する。');
    await page.getByTestId('status-confirm').click();
    await page.getByTestId('fraud-history').getByText('相談者に折り返し連絡し、SMSの文面を確認する。').waitFor();
    await page.getByTestId('to-closed').waitFor();

    await page.goto(`/#/fraud-alerts/${alertId}`);
    await page.getByRole('button', { name: '文案を作成' }).click();
    await page.locator('input[name="noticeTitle"]').fill(TITLE);
    await screenshot(page, 'fraud-04-edit-policy');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/show$/);
    await page.getByTestId('notice-panel').getByText('下書き（未公開）').waitFor();
    expect(await page.getByTestId('publish-button').count()).toBe(0);
    await screenshot(page, 'fraud-05-show-policy');

    const history = await t.sql<{ from_status: string | null; to_status: string }>('SELECT from_status, to_status FROM fraud_alert_history WHERE fraud_alert_id = $1 ORDER BY id', [alertId]);
    expect(history).toEqual([
      { from_status: null, to_status: 'new' },
      { from_status: 'new', to_status: 'investigating' },
    ]);
    await page.goto('/#/fraud-alerts');
    await page.getByText(TITLE).waitFor({ state: 'detached' }).catch(() => undefined);
    await page.locator('table tbody tr').first().waitFor();
    await screenshot(page, 'fraud-06-list-policy');
    await page.context().close();
  });

  it('a manager publishes the notice', async () => {
    const page = await as('manager');
    await page.goto(`/#/fraud-alerts/${alertId}/show`);
    await page.getByTestId('publish-button').click();
    await page.getByTestId('publish-confirm').waitFor();
    await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot only
    await screenshot(page, 'fraud-07-publish-confirm-manager');
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('notice-panel').getByText(/に公開/).waitFor();
    await screenshot(page, 'fraud-08-published-manager');
    const [row] = await t.sql<{ notice_published_at: Date | null }>('SELECT notice_published_at FROM fraud_alerts WHERE id = $1', [alertId]);
    expect(row.notice_published_at).toBeInstanceOf(Date);
    await page.context().close();
  });

  it('a manager sees the flyer as it will print and is stopped by a 「（案）」 left in the title; an empty body says who can write it', async () => {
    const drafts = await t.sql<{ id: number; notice_title: string; notice_body: string | null }>(
      `SELECT id, notice_title, notice_body FROM fraud_alerts WHERE notice_title LIKE '%（案）' AND notice_published_at IS NULL ORDER BY id`,
    );
    const withBody = drafts.find((d) => d.notice_body)!;
    const noBody = drafts.find((d) => !d.notice_body)!;
    const page = await as('manager');
    await page.goto(`/#/fraud-alerts/${withBody.id}/show`);
    await page.getByTestId('publish-button').click();
    const warnings = page.getByTestId('publish-warnings');
    await warnings.getByText('「（案）」', { exact: false }).waitFor();
    const preview = page.getByTestId('publish-preview');
    await preview.getByText(withBody.notice_title).waitFor();
    for (const text of ['#9110', '188', '0120-95-0178', '阿賀野市']) await preview.getByText(text, { exact: false }).first().waitFor();
    // The warning comes before the confirm button, which stays disabled.
    const [w, c] = await Promise.all([warnings.boundingBox(), page.getByTestId('publish-confirm').boundingBox()]);
    expect(w!.y).toBeLessThan(c!.y);
    expect(await page.getByTestId('publish-confirm').isDisabled()).toBe(true);
    await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot only
    await screenshot(page, 'fraud-07b-publish-draft-marker-manager');
    await page.keyboard.press('Escape');
    expect(await t.sql('SELECT 1 FROM fraud_alerts WHERE id = $1 AND notice_published_at IS NOT NULL', [withBody.id])).toHaveLength(0);

    await page.goto(`/#/fraud-alerts/${noBody.id}/show`);
    await page.getByTestId('notice-state').getByText('政策推進係またはシステム管理者が編集できます', { exact: false }).waitFor();
    expect(await page.getByText('見出しと本文を入力すると公開できます').count()).toBe(0);
    await page.context().close();
  });

  it('counter staff see the new warning first on their dashboard, and print the A4 flyer', async () => {
    const page = await as('counter');
    const banner = page.getByTestId('published-notices');
    await banner.getByText(TITLE).waitFor();
    const titles = await banner.locator('li a').allTextContents();
    expect(titles[0]).toBe(TITLE);
    expect(titles.length).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'fraud-09-dashboard-counter-after');

    await banner.locator('li').first().getByRole('link', { name: '印刷' }).click();
    await page.waitForURL(new RegExp(`#/notices/${alertId}/print`));
    const flyer = page.getByTestId('notice-flyer');
    await flyer.getByText(TITLE).waitFor();
    for (const text of ['#9110', '188', '0120-95-0178', '阿賀野市', '令和']) await flyer.getByText(text, { exact: false }).first().waitFor();
    await screenshot(page, 'fraud-10-flyer-screen');

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, 'fraud-11-flyer-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'fraud-notice-flyer.pdf'), pdf);
    // One A4 sheet: a flyer that spills onto a second page is not one to hand out.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d* 84[12]\.\d*\s*\]/);
    await page.context().close();
  });
});
