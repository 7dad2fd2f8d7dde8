import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { createPaymentService } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { applicationBody, createApplication, createReservation } from '../support/uptake-fixtures';

const ADMIN_DIST = join(__dirname, '..', '..', 'dist', 'admin');
jest.setTimeout(180_000);

// An admin deletes an application: the dialog asks why, the participant's history
// shows the deletion, and the person's next application is marked as a re-application.
describe('deleting an application in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await TestApp.start({ listen: true, seed: [usersSeed], config: { adminDir: ADMIN_DIST } });
    browser = await launchBrowser();
    page = await newPage(browser, t.baseUrl!);
    await login(page, 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('asks for a reason, keeps it in the participant’s history, and marks the re-application', async () => {
    const service = await createPaymentService(t, { name: 'テストペイ', applicationsOpenOn: '2020-07-01' });
    const r = await createReservation(t);
    const a = await createApplication(t, { myKeyId: r.myKeyId, paymentServiceId: service.id });

    await page.goto(`/#/applications/${a.id}/show`);
    await page.getByTestId('delete-application').click();
    const confirm = page.getByTestId('delete-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    // Keyboard only: the reason field has the focus.
    await page.keyboard.type('別の方のマイキーIDで登録したため');
    expect(await confirm.isDisabled()).toBe(false);
    await page.waitForTimeout(300); // the dialog's fade-in, for the screenshot only
    await screenshot(page, 'applications-01-delete-reason-admin');
    await confirm.click();
    await page.waitForURL(/#\/applications$/);
    const [row] = await t.sql<{ reason: string }>('SELECT reason FROM application_deletions WHERE application_id = $1', [a.id]);
    expect(row).toEqual({ reason: '別の方のマイキーIDで登録したため' });

    const admin = await t.as('admin');
    const again = await admin.post('/api/applications').send(applicationBody(r.myKeyId, service.id)).expect(201);
    await page.goto(`/#/applications/${again.body.id}/show`);
    await page.getByTestId('reapplication-chip').getByText('再申込（削除後）').waitFor();

    await page.goto(`/#/participants/${r.participantId}/show`);
    const history = page.getByTestId('participant-history');
    await history.getByText('理由: 別の方のマイキーIDで登録したため').waitFor();
    await history.getByText('再申込（削除後）').waitFor();
    await history.getByText('申し込みを削除').waitFor();
    await screenshot(page, 'applications-02-participant-history-admin');
  });
});
