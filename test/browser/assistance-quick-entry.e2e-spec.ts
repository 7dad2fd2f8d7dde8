import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { backdateAssistanceRecord, createAssistanceRecord } from '../support/assistance-fixtures';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { TestApp } from '../support/test-app';

// Counter staff log visits on the quick-entry screen with the keyboard alone, see
// today's running count, and meet the wrong-person checklist; other roles read.
describe('counter quick entry in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let counterId: number;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], listen: true, config: { adminDir: join(__dirname, '../../dist/admin') } });
    browser = await launchBrowser();
    [{ id: counterId }] = await t.sql<{ id: number }>(`SELECT id FROM users WHERE username = 'counter'`);
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

  const todayCount = (page: Page) => page.getByTestId('today-count');
  // The name of the focused input (the tests run without DOM types).
  const focusedName = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('name'));

  it('lands counter staff on the quick-entry screen, first in the menu, ready to type', async () => {
    const page = await as('counter');
    await page.waitForURL(/#\/assistance-records\/create/);
    await page.getByRole('menuitem', { name: '窓口記録（クイック入力）' }).waitFor();
    const items = await page.getByRole('menuitem').allTextContents();
    expect(items[0]).toContain('窓口記録（クイック入力）');
    await page.getByTestId('quick-entry-form').waitFor();
    // the duration field has the focus: typing starts the entry
    await expect(focusedName(page)).resolves.toBe('durationMinutes');
    await expect(todayCount(page).textContent()).resolves.toBe('0 件');
    await screenshot(page, 'assistance-quick-entry-empty');
    await page.context().close();
  });

  it('logs three visits with the keyboard only (Tab / arrows / Space / Enter) and today’s count goes to 3', async () => {
    const page = await as('counter');
    await page.getByTestId('quick-entry-form').waitFor();
    const keys: Array<{ visit: string; keystrokes: number; ms: number }> = [];

    // Each visit: keys pressed one by one, counted, timed from the first key to the saved toast.
    async function visit(name: string, sequence: string[], expectedCount: number) {
      await expect(focusedName(page)).resolves.toBe('durationMinutes');
      const t0 = Date.now();
      for (const key of sequence) await page.keyboard.press(key);
      await page.getByText(`記録しました（本日 ${expectedCount} 件目）`).waitFor();
      await page.getByTestId('today-count').getByText(`${expectedCount} 件`).waitFor();
      keys.push({ visit: name, keystrokes: sequence.length, ms: Date.now() - t0 });
    }

    const right = (n: number) => Array<string>(n).fill('ArrowRight');
    // Each chip group is one Tab stop (issue #23): Tab enters it, the arrows move inside.
    // 1. An inquiry, 8 minutes: type 8, Tab into the types, → to the 4th chip (問い合わせ), Space, Enter.
    await visit('inquiry', ['8', 'Tab', ...right(3), 'Space', 'Enter'], 1);

    // 2. Reservation + application on a lent PC, 25 minutes: the wrong-person checklist
    //    appears (PC lending ticks "shared terminal"), both checks ticked, Enter.
    await visit(
      'reservation + application on a shared PC (with checklist)',
      ['2', '5', 'Tab', 'Space', 'ArrowRight', 'Space', 'ArrowRight', 'Space', 'Tab', 'Tab', 'Space', 'Tab', 'Space', 'Enter'],
      2,
    );

    // 3. PIN reset that could not be done (PIN locked), 10 minutes: outcome "unable"
    //    (the arrows choose in a one-choice group) and its reason, Enter.
    await visit('PIN reset, unable (PIN locked)', ['1', '0', 'Tab', ...right(4), 'Space', 'Tab', 'Tab', ...right(2), 'Tab', 'Space', 'Enter'], 3);

    await screenshot(page, 'assistance-quick-entry-three-visits');
    await page.getByTestId('stats-today').getByText('3').first().waitFor();

    const rows = await t.sql<{ assistance_types: string[]; duration_minutes: number; outcome: string; unable_reason: string | null; shared_terminal_used: boolean; terminal_logged_out: boolean; service_id_read_back: boolean; office: string }>(
      `SELECT assistance_types, duration_minutes, outcome, unable_reason, shared_terminal_used, terminal_logged_out, service_id_read_back, office
         FROM assistance_records WHERE staff_id = $1 ORDER BY id`,
      [counterId],
    );
    expect(rows).toEqual([
      { assistance_types: ['inquiry'], duration_minutes: 8, outcome: 'completed', unable_reason: null, shared_terminal_used: false, terminal_logged_out: false, service_id_read_back: false, office: 'main_office' },
      {
        assistance_types: ['mykey_reservation', 'point_application', 'pc_lending'],
        duration_minutes: 25,
        outcome: 'completed',
        unable_reason: null,
        shared_terminal_used: true,
        terminal_logged_out: true,
        service_id_read_back: true,
        office: 'main_office',
      },
      { assistance_types: ['pin_reset'], duration_minutes: 10, outcome: 'unable', unable_reason: 'pin_locked', shared_terminal_used: false, terminal_logged_out: false, service_id_read_back: false, office: 'main_office' },
    ]);

    // The figures for the report (not an assertion: speed is measured, not tested).
    const out = join(__dirname, '..', '..', 'test-output');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'quick-entry-keystrokes.json'), JSON.stringify(keys, null, 2));
    process.stdout.write(`quick entry, keyboard only: ${keys.map((k) => `${k.visit}: ${k.keystrokes} keys, ${k.ms} ms`).join('; ')}\n`);
    await page.context().close();
  });

  it('keeps the office of the last visit and shows the checklist until both checks are ticked', async () => {
    const page = await as('counter');
    await page.getByTestId('quick-entry-form').waitFor();
    const count = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM assistance_records'))[0].n;
    const before = await count();
    // switch to the branch office for this visit
    await page.getByTestId('chips-office').getByText('支所').click();
    await page.locator('input[name="durationMinutes"]').fill('15');
    await page.getByTestId('chips-assistanceTypes').getByText('ポイント申し込み').click();
    await page.getByLabel('職員が共用端末（貸出PC・窓口端末）を操作した').check();
    await page.getByTestId('wrong-person-checklist').waitFor();
    await page.getByRole('button', { name: /保存して次へ/ }).click();
    await page.getByText(/読み上げ/).first().waitFor();
    await screenshot(page, 'assistance-quick-entry-checklist');
    expect(await count()).toBe(before);

    await page.getByLabel('利用者ごとに端末からログアウトした').check();
    await page.getByLabel('決済サービスのIDを読み上げ、本人に確認してもらった').check();
    await page.getByRole('button', { name: /保存して次へ/ }).click();
    await page.getByText(/記録しました/).first().waitFor();
    expect(await count()).toBe(before + 1);
    // the next visit keeps the branch office (a one-choice group: a radio), everything else is cleared
    await expect(page.getByTestId('chips-office').locator('[aria-checked="true"]').textContent()).resolves.toBe('支所');
    await expect(page.getByTestId('chips-assistanceTypes').locator('[aria-pressed="true"]').count()).resolves.toBe(0);
    await expect(page.locator('input[name="durationMinutes"]').inputValue()).resolves.toBe('');
    // …and the office comes back from the clerk's last record when the screen opens again
    await page.reload();
    await page.getByTestId('quick-entry-form').waitFor();
    await expect(page.getByTestId('chips-office').locator('[aria-checked="true"]').textContent()).resolves.toBe('支所');
    await page.context().close();
  });

  it('warns before the round trip: card application at a branch, and a My Number in the notes', async () => {
    const page = await as('counter2');
    await page.goto('/#/assistance-records/create');
    await page.getByTestId('quick-entry-form').waitFor();
    await page.getByTestId('chips-office').getByText('支所').click();
    await page.locator('input[name="durationMinutes"]').fill('20');
    await page.getByTestId('chips-assistanceTypes').getByText('カード申請').click();
    await page.locator('textarea[name="notes"]').fill('申請者の番号 1234 5678 9018');
    await page.getByRole('button', { name: /保存して次へ/ }).click();
    await page.getByText('マイナンバーカードの申請は本庁（市民生活課）の窓口でのみ受け付けています。支所では申請できません。').waitFor();
    await page.getByText('マイナンバー（12桁の個人番号）のように見える番号が含まれています。マイナンバーは記録できません。').waitFor();
    await screenshot(page, 'assistance-quick-entry-warnings');
    expect(await t.sql(`SELECT 1 FROM assistance_records WHERE notes LIKE '%9018%'`)).toHaveLength(0);
    await page.context().close();
  });

  it('creates one record for a double-clicked save', async () => {
    const page = await as('counter2');
    await page.goto('/#/assistance-records/create');
    await page.getByTestId('quick-entry-form').waitFor();
    const [{ n: before }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM assistance_records');
    await page.locator('input[name="durationMinutes"]').fill('5');
    await page.getByTestId('chips-assistanceTypes').getByText('問い合わせ').click();
    await page.getByRole('button', { name: /保存して次へ/ }).dblclick();
    await page.getByText(/記録しました/).first().waitFor();
    await page.waitForTimeout(500);
    const [{ n: after }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM assistance_records');
    expect(after - before).toBe(1);
    await page.context().close();
  });

  it('lets counter staff correct today’s record but not yesterday’s, and hides other clerks’ records', async () => {
    const today = await createAssistanceRecord(t, 'counter', { notes: '今日の記録' });
    const old = await createAssistanceRecord(t, 'counter', { notes: '昨日の記録' });
    await backdateAssistanceRecord(t, old.id, 1);
    const theirs = await createAssistanceRecord(t, 'counter2', { notes: '田中の記録' });

    const page = await as('counter');
    await page.goto(`/#/assistance-records/${today.id}`);
    await page.locator('textarea[name="notes"]').fill('今日の記録（訂正）');
    await screenshot(page, 'assistance-record-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(new RegExp(`#/assistance-records/${today.id}/show`));
    await page.getByText('今日の記録（訂正）').first().waitFor();
    expect((await t.sql<{ notes: string }>('SELECT notes FROM assistance_records WHERE id = $1', [today.id]))[0].notes).toBe('今日の記録（訂正）');

    await page.goto(`/#/assistance-records/${old.id}`);
    await page.getByTestId('edit-locked').waitFor();
    await expect(page.getByRole('button', { name: '保存' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'assistance-record-edit-locked');

    await page.goto(`/#/assistance-records/${theirs.id}/show`);
    await page.getByText(/見つかりません|データが存在しません|not found/i).first().waitFor();

    await page.goto('/#/assistance-records');
    await page.getByText('今日の記録（訂正）').first().waitFor().catch(() => undefined);
    await screenshot(page, 'assistance-record-list-counter');
    expect(await page.getByText('市民係 窓口 田中').count()).toBe(0);
    await page.context().close();
  });

  it('shows policy staff every clerk’s records, without the quick-entry menu', async () => {
    const page = await as('policy');
    await page.goto('/#/assistance-records');
    await page.getByRole('cell', { name: '市民係 窓口 田中' }).first().waitFor();
    await page.getByRole('cell', { name: '市民係 窓口 鈴木' }).first().waitFor();
    expect(await page.getByRole('menuitem', { name: '窓口記録（クイック入力）' }).count()).toBe(0);
    await screenshot(page, 'assistance-record-list-policy');
    await page.getByRole('cell', { name: '市民係 窓口 鈴木' }).first().click();
    await page.getByText('別人へのポイント付与を防ぐ確認').first().waitFor().catch(() => undefined);
    await screenshot(page, 'assistance-record-show-policy');
    await page.context().close();
  });
});
