import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { assistanceSeed } from '../../apps/api/src/database/seed/assistance.seed';
import { fraudSeed } from '../../apps/api/src/database/seed/fraud.seed';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { uptakeSeed } from '../../apps/api/src/database/seed/uptake.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { launchBrowser, login, newPage, screenshot } from '../support/browser';
import { createUser } from '../support/fixtures';
import { TestApp } from '../support/test-app';

// The built admin UI under the server's Content-Security-Policy: every screen loads
// and draws (MUI/emotion styles, recharts, fonts, downloads) with no CSP violation,
// counted from the browser's own `securitypolicyviolation` events and console. Then
// an admin unlocks a locked account with 「ロック解除」.
const SCREENS = [
  '/#/',
  '/#/users',
  '/#/payment-services',
  '/#/payment-services/create',
  '/#/campaigns',
  '/#/reservation-quotas',
  '/#/reservations',
  '/#/applications',
  '/#/participants',
  '/#/point-awards',
  '/#/assistance-records',
  '/#/imports',
  '/#/imports/create',
  '/#/fraud-alerts',
  '/#/audit-logs',
  '/#/reports',
  '/#/security',
];

describe('admin UI under the Content-Security-Policy', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await TestApp.start({
      seed: [usersSeed, paymentServicesSeed, uptakeSeed, assistanceSeed, fraudSeed],
      listen: true,
      config: { adminDir: join(__dirname, '../../dist/admin') },
    });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function watched(role: string): Promise<{ page: Page; violations: string[] }> {
    const page = await newPage(browser, t.baseUrl!);
    const violations: string[] = [];
    // Installed by the browser before any page script runs (not subject to the CSP).
    await page.addInitScript({
      content: `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));`,
    });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (load|apply|execute)/i.test(m.text())) violations.push(m.text());
    });
    await login(page, role);
    return { page, violations };
  }

  it('serves the built UI with the strict CSP header', async () => {
    const res = await fetch(`${t.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
  });

  it('draws every screen with no CSP violation (MUI styles, charts, fonts)', async () => {
    const { page, violations } = await watched('admin');
    const visited: string[] = [];
    for (const screen of SCREENS) {
      await page.goto(screen);
      await page.locator('#boot').waitFor({ state: 'detached' });
      await page.waitForLoadState('networkidle');
      visited.push(screen);
      violations.push(...((await page.evaluate('window.__csp || []')) as string[]));
      await page.evaluate('window.__csp = []');
    }
    // Styles really applied: MUI's AppBar has its themed background, not the default transparent.
    const appBar = (await page.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor")) as string;
    expect(appBar).not.toBe('rgba(0, 0, 0, 0)');
    await page.goto('/#/');
    await page.getByText('ダッシュボード').first().waitFor();
    await screenshot(page, 'security-csp-dashboard');
    // eslint-disable-next-line no-console
    console.log(`CSP in the browser: ${visited.length} screens, ${violations.length} violations`);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('draws the API docs (Swagger UI) with no CSP violation', async () => {
    const page = await newPage(browser, t.baseUrl!);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (load|apply|execute)/i.test(m.text())) violations.push(m.text());
    });
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .opblock').first().waitFor();
    await screenshot(page, 'security-csp-swagger');
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('lets an admin unlock a locked account with a confirmation', async () => {
    const user = await createUser(t, { displayName: '窓口 ロック太郎', password: 'correct-horse-battery' });
    for (let i = 0; i < 5; i++) await t.anon.post('/api/auth/login').send({ username: user.username, password: `wrong-${i}-password` });
    const { page, violations } = await watched('admin');
    await page.goto('/#/users');
    const row = page.getByRole('row').filter({ hasText: '窓口 ロック太郎' });
    await row.getByTestId('unlock-button').waitFor();
    await screenshot(page, 'security-users-locked');
    await row.getByTestId('unlock-button').click();
    await page.getByText('パスワードを 5 回続けて間違えたためロックされています').waitFor();
    await page.waitForTimeout(400); // the dialog's fade-in
    await screenshot(page, 'security-unlock-confirm');
    await page.getByTestId('unlock-confirm').click();
    await page.getByText('窓口 ロック太郎 のロックを解除しました。').waitFor();
    await row.getByTestId('unlock-button').waitFor({ state: 'detached' });
    const [row2] = await t.sql<{ failed_logins: number; locked_until: string | null }>('SELECT failed_logins, locked_until FROM users WHERE id = $1', [user.id]);
    expect(row2).toEqual({ failed_logins: 0, locked_until: null });
    await t.anon.post('/api/auth/login').send({ username: user.username, password: 'correct-horse-battery' }).expect(200);
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
