import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { TestApp } from '../support/test-app';

const ADMIN_DIR = join(__dirname, '..', '..', 'dist', 'admin');
jest.setTimeout(180_000);

// The counter's day at a support desk (issue #21): today's board with the bookings,
// a caller booked with the keyboard alone, a resident checked in and the visit record
// the API prefilled completed and saved; a manager reads the board without names.
describe('support desks: the counter’s day board in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let deskId: number;
  const slotIds: number[] = [];

  // Today's slots around the time the test runs (JST), so there is always one that has
  // begun (to check in) and one that can still be booked, whatever the hour.
  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], listen: true, config: { adminDir: ADMIN_DIR } });
    browser = await launchBrowser();
    const policy = await t.as('policy');
    const desk = await policy.post('/api/desks').send({ name: '本庁 市民生活課 マイナポイント窓口', office: 'main_office', place: '本庁舎1階' }).expect(201);
    deskId = desk.body.id;
    await policy.post('/api/desks').send({ name: '京ヶ瀬公民館 出張窓口', office: 'popup', place: '京ヶ瀬公民館', opensOn: '2022-06-01', closesOn: '2099-12-31' }).expect(201);
    const now = Date.now();
    const jstMidnight = Date.parse(`${new Date(now + 9 * 3600_000).toISOString().slice(0, 10)}T00:00:00+09:00`);
    const first = Math.max(jstMidnight, now - 20 * 60_000);
    for (const [i, capacity] of [3, 3].entries()) {
      const startsAt = new Date(first + i * 60_000);
      const endsAt = new Date(Math.max(startsAt.getTime() + 30 * 60_000, now + 40 * 60_000));
      const slot = await policy.post('/api/appointment-slots').send({ deskId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity }).expect(201);
      slotIds.push(slot.body.id);
    }
    // The bookings the counter finds on the board: two residents who phoned earlier.
    const counter = await t.as('counter');
    await counter.post('/api/appointments').send({ slotId: slotIds[0], residentName: '阿賀野 花子', phone: '0254-22-3101', purpose: ['mykey_reservation', 'point_application'], partySize: 1 }).expect(201);
    await counter.post('/api/appointments').send({ slotId: slotIds[0], residentName: '月岡 太郎', purpose: ['cert_renewal'], partySize: 2 }).expect(201);
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

  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null; textContent: string | null } | null } }).document.activeElement;
      return { name: el?.getAttribute('name') ?? null, text: el?.textContent ?? null };
    });

  it('shows the counter today’s board with the bookings, from the menu', async () => {
    const page = await as('counter');
    await page.getByTestId('menu-today').click();
    await page.waitForURL(/#\/today/);
    const board = page.getByTestId('slot-table');
    await board.getByText('阿賀野 花子').waitFor();
    await board.getByText('月岡 太郎').waitFor();
    await expect(board.getByText('0254-22-3101').count()).resolves.toBe(1);
    // 3 seats booked of 6 (1 + 2 in the first slot)
    await page.getByTestId('board-summary').getByText('予約 3 / 定員 6').waitFor();
    await screenshot(page, 'desks-01-today-board-counter');
    await page.context().close();
  });

  it('books a caller with the keyboard alone: name, Tab, phone, Tab into the slots, Tab into the purposes, arrows, Space, Enter', async () => {
    const page = await as('counter');
    await page.goto('/#/today');
    await page.getByTestId('booking-form').waitFor();
    // the name field has the focus: typing starts the booking
    await expect(focused(page)).resolves.toMatchObject({ name: 'residentName' });
    const before = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM appointments'))[0].n;
    await page.keyboard.type('笹岡 次郎');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0254-22-0000');
    await page.keyboard.press('Tab'); // into the slots (the first open one is chosen)
    await page.keyboard.press('ArrowRight'); // the second slot
    await page.keyboard.press('Tab'); // into the purposes
    await page.keyboard.press('ArrowRight'); // ポイント申し込み
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.getByText('笹岡 次郎 さんを').first().waitFor();
    await page.getByTestId('slot-table').getByText('笹岡 次郎').waitFor();
    const rows = await t.sql<{ resident_name: string; phone: string; purpose: string[]; party_size: number; slot_id: number; status: string }>(
      'SELECT resident_name, phone, purpose, party_size, slot_id, status FROM appointments WHERE id > 0 ORDER BY id DESC LIMIT 1',
    );
    expect(rows[0]).toEqual({ resident_name: '笹岡 次郎', phone: '0254-22-0000', purpose: ['point_application'], party_size: 1, slot_id: slotIds[1], status: 'booked' });
    await expect(t.sql<{ n: number }>('SELECT count(*)::int AS n FROM appointments')).resolves.toEqual([{ n: before + 1 }]);
    // the form starts again for the next caller, the name focused
    await expect(focused(page)).resolves.toMatchObject({ name: 'residentName' });
    await screenshot(page, 'desks-02-booked-by-keyboard');
    await page.context().close();
  });

  it('checks a resident in, opens the prefilled visit record, saves it and comes back to the board', async () => {
    const page = await as('counter');
    await page.goto('/#/today');
    const [hanako] = await t.sql<{ id: number }>(`SELECT id FROM appointments WHERE resident_name = '阿賀野 花子'`);
    await page.getByTestId(`check-in-${hanako.id}`).click();
    await page.waitForURL(/#\/assistance-records\/\d+\?back=today/);
    // the record the API prefilled: the purposes as its assistance types, the desk's office
    await page.getByTestId('chips-assistanceTypes').locator('[data-value="mykey_reservation"][aria-pressed="true"]').waitFor();
    await page.getByTestId('chips-assistanceTypes').locator('[data-value="point_application"][aria-pressed="true"]').waitFor();
    await screenshot(page, 'desks-03-prefilled-visit');
    // staff complete it: the time it took, and the wrong-person checks for the shared terminal
    await page.locator('input[name="durationMinutes"]').fill('20');
    const shared = page.getByLabel('職員が共用端末（貸出PC・窓口端末）を操作した');
    if (await shared.isChecked()) {
      await page.getByLabel('利用者ごとに端末からログアウトした').check();
      await page.getByLabel('決済サービスのIDを読み上げ、本人に確認してもらった').check();
    }
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/today$/);
    await page.getByTestId(`appointment-${hanako.id}`).getByText('来庁済み').waitFor();
    const [row] = await t.sql<{ status: string; assistance_record_id: number; duration_minutes: number; assistance_types: string[] }>(
      `SELECT a.status, a.assistance_record_id, r.duration_minutes, r.assistance_types
         FROM appointments a JOIN assistance_records r ON r.id = a.assistance_record_id WHERE a.id = $1`,
      [hanako.id],
    );
    expect(row).toMatchObject({ status: 'checked_in', duration_minutes: 20, assistance_types: ['mykey_reservation', 'point_application'] });
    await screenshot(page, 'desks-04-board-after-check-in');
    await page.context().close();
  });

  it('shows a manager the board without names or phone numbers', async () => {
    const page = await as('manager');
    await page.goto('/#/today');
    await page.getByTestId('slot-table').waitFor();
    await expect(page.getByTestId('slot-table').getByText('阿賀野 花子').count()).resolves.toBe(0);
    await expect(page.getByTestId('booking-form').count()).resolves.toBe(0);
    await screenshot(page, 'desks-05-today-board-manager');
    await page.context().close();
  });
});
