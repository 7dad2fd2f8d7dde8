import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { desksSeed } from '../../apps/api/src/database/seed/desks.seed';
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
  let slotId: number;

  // The demo's desks (today's board at the main office has bookings whatever the day),
  // and one more slot there around the time the test runs (JST), so that one has begun
  // (to check in) and can still be booked, whatever the hour.
  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed, desksSeed], listen: true, config: { adminDir: ADMIN_DIR } });
    browser = await launchBrowser();
    [{ id: deskId }] = await t.sql<{ id: number }>(`SELECT id FROM desks WHERE office = 'main_office'`);
    const now = Date.now();
    const jstMidnight = Date.parse(`${new Date(now + 9 * 3600_000).toISOString().slice(0, 10)}T00:00:00+09:00`);
    // 17 seconds past the minute: never the start of a demo slot (those are on the half hour)
    const startsAt = new Date(Math.max(jstMidnight, now - 20 * 60_000 - ((now - 17_000) % 60_000)));
    const endsAt = new Date(Math.max(startsAt.getTime() + 30 * 60_000, now + 40 * 60_000));
    const policy = await t.as('policy');
    const slot = await policy.post('/api/appointment-slots').send({ deskId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: 4 }).expect(201);
    slotId = slot.body.id;
    // A resident who phoned earlier, for the check-in below.
    const counter = await t.as('counter');
    await counter.post('/api/appointments').send({ slotId, residentName: '阿賀野 花子', phone: '0254-22-3101', purpose: ['mykey_reservation', 'point_application'], partySize: 1 }).expect(201);
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

  it('shows the counter today’s board with the demo’s bookings, from the menu', async () => {
    const page = await as('counter');
    await page.getByTestId('menu-today').click();
    await page.waitForURL(/#\/today/);
    const board = page.getByTestId('slot-table');
    await board.getByText('阿賀野 花子').waitFor();
    // the demo's bookings of today at the main office, names and phone numbers shown to the counter
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointments a JOIN appointment_slots s ON s.id = a.slot_id
        WHERE s.desk_id = $1 AND a.status <> 'cancelled' AND (s.starts_at AT TIME ZONE 'Asia/Tokyo')::date = (now() AT TIME ZONE 'Asia/Tokyo')::date`,
      [deskId],
    );
    expect(n).toBeGreaterThan(5);
    await expect(board.locator('[data-testid^="appointment-"]').count()).resolves.toBe(n);
    await board.getByText('0254-22-3101').waitFor();
    const [{ seats, capacity }] = await t.sql<{ seats: number; capacity: number }>(
      `SELECT sum(booked)::int AS seats, sum(capacity)::int AS capacity FROM appointment_slots
        WHERE desk_id = $1 AND (starts_at AT TIME ZONE 'Asia/Tokyo')::date = (now() AT TIME ZONE 'Asia/Tokyo')::date`,
      [deskId],
    );
    await page.getByTestId('board-summary').getByText(`予約 ${seats} / 定員 ${capacity}`).waitFor();
    await screenshot(page, 'desks-01-today-board-counter');
    // the printable day sheet for a desk without a PC
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('day-sheet').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
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
    await page.keyboard.press('Tab'); // into the slots (the first that can still be booked is chosen)
    await page.keyboard.press('ArrowRight'); // the next one
    const chosen = await page.getByTestId('chips-slotId').locator('[aria-checked="true"]').getAttribute('data-value');
    await page.keyboard.press('Tab'); // into the purposes
    await page.keyboard.press('ArrowRight'); // ポイント申し込み
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.getByText('笹岡 次郎 さんを').first().waitFor();
    await page.getByTestId('slot-table').getByText('笹岡 次郎').waitFor();
    const rows = await t.sql<{ resident_name: string; phone: string; purpose: string[]; party_size: number; slot_id: number; status: string }>(
      'SELECT resident_name, phone, purpose, party_size, slot_id, status FROM appointments ORDER BY id DESC LIMIT 1',
    );
    expect(rows[0]).toEqual({ resident_name: '笹岡 次郎', phone: '0254-22-0000', purpose: ['point_application'], party_size: 1, slot_id: Number(chosen), status: 'booked' });
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
    // Opened again from the board to serve a resident who waited: the visit starts now (the wait counts).
    const visitedAt = async () => (await t.sql<{ at: string }>(`SELECT r.visited_at::text AS at FROM appointments a JOIN assistance_records r ON r.id = a.assistance_record_id WHERE a.id = $1`, [hanako.id]))[0].at;
    const arrival = await visitedAt();
    await page.waitForTimeout(1500);
    await page.getByTestId(`open-record-${hanako.id}`).click();
    await page.getByTestId('from-board').getByText('来庁日時を今（対応開始）にしました').waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/today$/);
    const [{ later }] = await t.sql<{ later: boolean }>('SELECT $1::timestamptz > $2::timestamptz AS later', [await visitedAt(), arrival]);
    expect(later).toBe(true);
    await page.context().close();
  });

  it('policy staff generate a week of slots from the weekly pattern, told beforehand how many and which holiday is skipped', async () => {
    const page = await as('policy');
    await page.goto('/#/appointment-slots');
    await page.getByTestId('generate-slots').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ra-input-deskId').click();
    await page.getByRole('option', { name: '本庁 市民生活課 マイナポイント窓口' }).click();
    // 2023-03-20 (Mon) to 2023-03-24 (Fri); the 21st is 春分の日. The pattern's defaults:
    // Mon–Fri 9:00–16:30 every 30 minutes, 3 seats, lunch 12:00–13:00 off: 13 slots a day.
    for (const [source, digits] of [['from', '20230320'], ['to', '20230324']] as const) {
      await dialog.locator(`.ra-input-${source}`).locator('[role="spinbutton"]').first().click();
      await page.keyboard.type(digits);
    }
    const preview = page.getByTestId('generate-preview');
    await preview.getByText('4 日分・52 枠（定員の合計 156 席）を作成します。').waitFor();
    await preview.getByText(/春分の日/).waitFor();
    await screenshot(page, 'desks-06-generate-dialog');
    await page.getByTestId('generate-confirm').click();
    await page.getByText('予約枠を 52 件作成しました。').waitFor();
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointment_slots WHERE desk_id = $1 AND starts_at >= '2023-03-20T00:00:00+09:00' AND starts_at < '2023-03-25T00:00:00+09:00'`,
      [deskId],
    );
    expect(n).toBe(52);
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
