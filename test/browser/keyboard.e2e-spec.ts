import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CITY_SEED_STEPS } from '../../apps/api/src/database/seed';
import { settle, trackRequests } from '../support/a11y';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { createFraudAlertWithNotice } from '../support/fraud-fixtures';
import { chooseRadio, FocusLog, focused, named, type Focused } from '../support/keyboard';
import { TestApp } from '../support/test-app';

const ADMIN_DIR = join(__dirname, '..', '..', 'dist', 'admin');

// Issue #23: each role's core task by keyboard alone (after signing in, no mouse call
// is made): a skip link first, a visible focus at every stop, no trap, one Tab stop
// per composite widget, charts readable and followed from their tables, errors tied to
// their fields, and status changes in live regions.
describe('keyboard and screen-reader stories', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await TestApp.start({ seed: CITY_SEED_STEPS, listen: true, config: { adminDir: ADMIN_DIR } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(role: string): Promise<{ page: Page; keys: FocusLog; idle: () => Promise<void> }> {
    const page = await newPage(browser, t.baseUrl!, { viewport: { width: 1280, height: 720 } });
    const inflight = trackRequests(page);
    await login(page, role);
    const idle = () => settle(page, inflight);
    await idle();
    return { page, keys: new FocusLog(), idle };
  }
  const menu = (name: string) => (f: Focused) => f.role === 'menuitem' && f.name === name;
  const activeIn = (page: Page, selector: string) => page.evaluate(`Boolean(document.activeElement && document.activeElement.closest(${JSON.stringify(selector)}))`);

  it('the first Tab shows "skip to content"; Enter skips the header and the menu', async () => {
    const { page, keys } = await signIn('policy');
    const skip = await keys.press(page, 'Tab');
    expect(skip.name).toBe('メインコンテンツへ移動');
    expect(skip.ring).toBe(true);
    expect(await page.locator('.skip-nav-button').isVisible()).toBe(true);
    await screenshot(page, 'a11y-focus-skip-link', { fullPage: false });
    await page.keyboard.press('Enter');
    const next = await keys.press(page, 'Tab');
    expect(next.inMain).toBe(true);
    await page.context().close();
  });

  it('Tab goes round the whole dashboard and back (no trap), with a visible focus at every stop and one stop per composite widget', async () => {
    const { page, keys } = await signIn('manager');
    const first = await keys.press(page, 'Tab');
    let stops = 0;
    let f: Focused;
    do {
      f = await keys.press(page, 'Tab');
      stops++;
      if (stops === 45) await screenshot(page, 'a11y-focus-ring-dashboard', { fullPage: false });
    } while (!(f.name === first.name && f.tag === first.tag) && stops < 400);
    process.stdout.write(`manager dashboard: ${stops} Tab stops round the page\n`);
    expect(stops).toBeLessThan(400);
    expect(keys.unringed).toEqual([]);
    // Every stop is a control: no bare element of a chart's drawing (recharts' layers,
    // React portals into SVG, took the focus in Chromium) nor a plain box.
    expect(keys.stops.filter((s) => /^(g|svg|path|div|span)( |$)/.test(s))).toEqual([]);
    // The heatmap (one grid of ~100 cells) is one stop.
    expect(keys.stops.filter((s) => / \d+時: /.test(s)).length).toBe(1);
    await page.context().close();
  });

  it('the heatmap: one Tab stop, arrows move between the cells, Enter opens the visits', async () => {
    const { page, keys } = await signIn('counter');
    await page.goto('/#/');
    await page.locator('[data-dashboard-ready="true"]').waitFor();
    // Cells are named 「月 9時: 79件」: weekday, hour, visits.
    const at = (f: Focused) => /^(\S+) (\d+)時: /.exec(f.name)!.slice(1, 3);
    const cell = await keys.tabTo(page, (f) => Boolean(f.composite?.startsWith('grid:')));
    const [day, hour] = at(cell);
    expect(day).toBe('月');
    const right = await keys.press(page, 'ArrowRight');
    expect(at(right)).toEqual(['月', String(Number(hour) + 1)]);
    const down = await keys.press(page, 'ArrowDown');
    expect(at(down)).toEqual(['火', String(Number(hour) + 1)]);
    await screenshot(page, 'a11y-focus-heatmap', { fullPage: false });
    // Tab leaves the grid at once: the grid was one stop.
    const after = await keys.press(page, 'Tab');
    expect(after.composite?.startsWith('grid:') ?? false).toBe(false);
    await keys.press(page, 'Shift+Tab');
    expect(at(await focused(page))).toEqual(['火', String(Number(hour) + 1)]);
    // On along the row to a cell with visits (a cell of 0 opens nothing), Enter.
    for (let i = 0; i < 30 && (await focused(page)).name.endsWith(': 0件'); i++) await keys.press(page, 'ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/assistance-records\?/);
    expect(keys.unringed).toEqual([]);
    await page.context().close();
  });

  it('every chart has a table with the same figures, and a figure opens the list the chart opens', async () => {
    const { page, keys } = await signIn('policy');
    await page.locator('[data-dashboard-ready="true"]').waitFor();
    // By keyboard: the channel chart's 「表で表示」 (the third, after the uptake and the funnel), then its first figure.
    for (let i = 0; i < 3; i++) await keys.tabTo(page, (f) => f.testId === 'table-toggle' && f.name === '表で表示', { max: 80 });
    const toggle = page.locator('[data-panel="channel"] [data-testid="table-toggle"]');
    expect(await activeIn(page, '[data-panel="channel"]')).toBe(true);
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const table = page.locator('[data-panel="channel"] table');
    // The same numbers as the stats API gives the chart.
    const [{ n: reservations }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM reservations WHERE channel = 'counter'`);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => (c as { textContent: string }).textContent.trim())));
    expect(rows.find((r) => r[0] === '窓口支援')?.[1]).toBe(reservations.toLocaleString('ja-JP'));
    expect((await table.locator('th[scope="col"]').allTextContents()).slice(0, 3)).toEqual(['受付経路', '予約', '申し込み']);
    await keys.tabTo(page, (f) => f.tag === 'button' && f.inMain && /^[\d,]+$/.test(f.name), { max: 5 });
    await screenshot(page, 'a11y-chart-table-channel', { fullPage: false });
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/reservations\?.*channel/);
    expect(keys.unringed).toEqual([]);
    // Every chart's table (by mouse here, for the picture).
    await page.goto('/#/');
    await page.locator('[data-dashboard-ready="true"]').waitFor();
    const off = page.locator('[data-testid="table-toggle"][aria-pressed="false"]');
    while ((await off.count()) > 0) await off.first().click();
    expect(await page.locator('[data-testid="chart-table"]').count()).toBe(await page.locator('[data-testid="table-toggle"]').count());
    await screenshot(page, 'a11y-chart-tables-all');
    // Remembered per panel: back to the charts for the other tests of this browser.
    const on = page.locator('[data-testid="table-toggle"][aria-pressed="true"]');
    while ((await on.count()) > 0) await on.first().click();
    await page.context().close();
  });

  it('counter: logs a visit and a reservation by keyboard alone; errors are tied to the chips, the save is announced', async () => {
    const { page, keys, idle } = await signIn('counter');
    // Counter staff land on the quick entry, its duration field focused.
    await page.getByTestId('quick-entry-form').waitFor();
    await idle();
    expect((await focused(page)).field).toBe('durationMinutes');
    // Enter with no assistance type: the error is under the group, tied to it, and the
    // focus goes to the group.
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    const group = page.getByTestId('chips-assistanceTypes').locator('[role="toolbar"]');
    const describedBy = await group.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    await page.locator(`[id="${describedBy}"]`).getByText('必須項目です。').waitFor();
    expect(await activeIn(page, '[data-testid="chips-assistanceTypes"]')).toBe(true);
    // Arrows to 問い合わせ (4th), Space, Enter saves.
    for (let i = 0; i < 3; i++) await keys.press(page, 'ArrowRight');
    expect((await focused(page)).name).toBe('問い合わせ');
    await keys.press(page, 'Space');
    await page.keyboard.press('Enter');
    await page.locator('[role="alert"]').getByText(/記録しました/).waitFor();

    // A reservation: menu → the list → 作成.
    await keys.tabTo(page, menu('マイナポイント予約'), { back: true, max: 80 });
    await page.keyboard.press('Enter');
    await idle();
    await keys.tabTo(page, named('窓口で予約を登録'));
    await page.keyboard.press('Enter');
    await idle();
    // The MyKey ID field has the focus; the only open quota is chosen already.
    expect((await focused(page)).name).toMatch(/マイキーID/);
    await page.keyboard.type('KB11Y7Q2');
    const before = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM reservations'))[0].n;
    await keys.tabTo(page, (f) => f.field === 'channel');
    await chooseRadio(page, keys, '窓口支援');
    await keys.tabTo(page, named(/^保存して次の方へ/));
    await page.keyboard.press('Enter');
    await page.locator('[role="alert"]').getByText(/予約を登録しました/).waitFor();
    expect(keys.unringed).toEqual([]);
    const [visit] = await t.sql<{ assistance_types: string[]; duration_minutes: number }>(`SELECT assistance_types, duration_minutes FROM assistance_records ORDER BY id DESC LIMIT 1`);
    expect(visit).toEqual({ assistance_types: ['inquiry'], duration_minutes: 12 });
    const [reservation] = await t.sql<{ n: number; channel: string }>(`SELECT (SELECT count(*)::int FROM reservations) AS n, channel FROM reservations ORDER BY id DESC LIMIT 1`);
    expect(reservation).toEqual({ n: before + 1, channel: 'counter' });
    await page.context().close();
  });

  it('policy: creates a quota and imports a file by keyboard alone; the import status is a live region', async () => {
    const { page, keys, idle } = await signIn('policy');
    // Listening from the start: the browser is told to hand file choosers to the test
    // before the key that opens one is pressed.
    const chooser = page.waitForEvent('filechooser', { timeout: 150_000 });
    await keys.tabTo(page, menu('予約枠'));
    await page.keyboard.press('Enter');
    await idle();
    await keys.tabTo(page, named('作成'));
    await page.keyboard.press('Enter');
    await idle();
    expect((await focused(page)).name).toMatch(/予約枠の名称/);
    await page.keyboard.type('キーボード窓口枠');
    // The campaign list (before the name): open it with ↓, take the first, Enter.
    const campaign = await keys.press(page, 'Shift+Tab');
    expect(campaign.role).toBe('combobox');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('Enter');
    await keys.tabTo(page, (f) => /上限数/.test(f.name) && f.tag === 'input');
    await page.keyboard.type('300');
    await keys.tabTo(page, named('保存'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/reservation-quotas\/\d+\/show/);
    const [quota] = await t.sql<{ capacity: number }>(`SELECT capacity FROM reservation_quotas WHERE name = 'キーボード窓口枠'`);
    expect(quota).toEqual({ capacity: 300 });

    // The import: menu → 作成 (CSVを取り込む) → type → file → start.
    await keys.tabTo(page, menu('データ取り込み'), { back: true, max: 80 });
    await page.keyboard.press('Enter');
    await idle();
    await keys.tabTo(page, named('CSVを取り込む'));
    await page.keyboard.press('Enter');
    await idle();
    await keys.tabTo(page, (f) => f.field === 'type');
    await chooseRadio(page, keys, '予約');
    await keys.tabTo(page, named('CSVファイルを選ぶ'));
    await page.keyboard.press('Enter');
    const csv = 'myKeyId,reservedAt,channel\r\nKB22Y7Q3,2020-09-01 10:00,counter\r\nNOTAKEY,2020-09-01 10:05,counter\r\n';
    await (await chooser).setFiles({ name: 'keyboard.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await keys.tabTo(page, named('取り込み開始'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/imports\/\d+\/show/);
    // The step is announced through a live region (role="status").
    await page.locator('[role="status"][data-testid="import-status"]').getByText(/完了/).waitFor();
    expect(keys.unringed).toEqual([]);
    await page.context().close();
  });

  it('manager: downloads the monthly report and publishes a notice by keyboard alone', async () => {
    const alert = await createFraudAlertWithNotice(t);
    const { page, keys, idle } = await signIn('manager');
    await keys.tabTo(page, menu('月次報告'));
    await page.keyboard.press('Enter');
    await idle();
    await keys.tabTo(page, named('PDF をダウンロード'));
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

    // The alert's page (its address, as a link would open it), then publish in the dialog.
    await page.goto(`/#/fraud-alerts/${alert.id}/show`);
    await idle();
    await keys.tabTo(page, named('公開する'), { max: 80 });
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    expect(await activeIn(page, '[role="dialog"]')).toBe(true);
    await screenshot(page, 'a11y-focus-publish-dialog', { fullPage: false });
    const confirm = await keys.tabTo(page, (f) => f.testId === 'publish-confirm', { max: 10 });
    expect(confirm.name).toBe('公開する');
    await page.keyboard.press('Enter');
    await page.locator('[role="alert"]').getByText('注意喚起を公開しました。').waitFor();
    const [row] = await t.sql<{ published: boolean }>(`SELECT notice_published_at IS NOT NULL AS published FROM fraud_alerts WHERE id = $1`, [alert.id]);
    expect(row.published).toBe(true);
    expect(keys.unringed).toEqual([]);
    await page.context().close();
  });

  it('admin: creates a user by keyboard alone; a missing field is announced and tied to it', async () => {
    const { page, keys, idle } = await signIn('admin');
    await keys.tabTo(page, menu('ユーザー'));
    await page.keyboard.press('Enter');
    await idle();
    await keys.tabTo(page, named('作成'));
    await page.keyboard.press('Enter');
    await idle();
    expect((await focused(page)).field).toBe('username');
    await page.keyboard.type('kbuser');
    // Saving without the display name: the error is the field's description, the field
    // says it is invalid and has the focus.
    await keys.tabTo(page, named('保存'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.querySelector('input[name="displayName"]').getAttribute('aria-invalid') === 'true'`);
    const describedBy = (await page.locator('input[name="displayName"]').getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/必須/);
    expect((await focused(page)).field).toBe('displayName');
    await page.keyboard.type('キーボード 太郎');
    const role = await keys.press(page, 'Tab');
    expect(role.role).toBe('combobox');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox').waitFor();
    // Down to 窓口職員, Enter.
    for (let i = 0; i < 8 && (await focused(page)).name !== '窓口職員'; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await keys.tabTo(page, (f) => f.tag === 'input' && /パスワード/.test(f.name));
    await page.keyboard.type('keyboard-only-2026');
    await keys.tabTo(page, named('保存'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/users$/);
    const [user] = await t.sql<{ role: string; display_name: string }>(`SELECT role, display_name FROM users WHERE username = 'kbuser'`);
    expect(user).toEqual({ role: 'counter', display_name: 'キーボード 太郎' });
    expect(keys.unringed).toEqual([]);
    await page.context().close();
  });
});
