import type { components } from '@rendezvous/api-client';
import { waitFor } from '@rendezvous/testing';
import type { Browser, Page } from 'playwright-core';
import { ApiClient, signUp } from '../support/api-client';
import type { BrowserSession } from '../support/browser';
import {
  PORTAL_URL,
  blurAll,
  isFocused,
  launchChromium,
  portalPage,
  portalRoute,
  signIn,
  storedSession,
  submitSignIn,
} from '../support/browser';
import type { Staff } from '../support/moderation';
import { theAdmin } from '../support/moderation';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/suite-settings';
import { expectData, expectProblem } from '../support/typed-api';

type AdminStats = components['schemas']['AdminStats'];

/** What the dashboard shows for each counter, keyed as `/admin/stats` names them. */
async function shownStats(page: Page): Promise<Record<string, string>> {
  const cells = page.locator('dd[data-stat]');
  await waitFor(async () => !(await cells.allTextContents()).includes('…'), {
    message: 'the dashboard counters to load',
  });
  const pairs = await cells.evaluateAll((nodes) =>
    nodes.map((node) => [node.getAttribute('data-stat') ?? '', node.textContent ?? '']),
  );
  return Object.fromEntries(pairs);
}

/** The API's counters as the dashboard writes them (counts with separators, the rate in %). */
const asShown = (stats: AdminStats): Record<string, string> =>
  Object.fromEntries(
    Object.entries(stats).map(([key, value]) => [
      key,
      key === 'mutualMatchRate' ? `${(value * 100).toFixed(1)} %` : value.toLocaleString('en'),
    ]),
  );

describe('admin portal: signing in', () => {
  let browser: Browser;
  let admin: Staff;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    [browser, admin] = await Promise.all([launchChromium(), theAdmin()]);
  });
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map(({ context }) => context.close()));
  });
  afterAll(() => browser?.close());

  const open = async () => {
    const session = await portalPage(browser);
    sessions.push(session);
    return session;
  };

  const apiStats = async () => expectData(await admin.client.api.GET('/api/v1/admin/stats'), 200);

  /**
   * Counters that other activity moves may differ for a moment: the dashboard is reloaded
   * (its Refresh button) until it shows exactly what the API answers right after.
   */
  const dashboardMatchesApi = (page: Page) =>
    waitFor(
      async () => {
        const shown = await shownStats(page);
        const expected = asShown(await apiStats());
        if (JSON.stringify(shown) === JSON.stringify(expected)) return shown;
        await page.getByRole('button', { name: 'Refresh' }).first().click();
        return false;
      },
      { timeoutMs: 20_000, intervalMs: 500, message: 'the dashboard to show /admin/stats' },
    );

  it('is reached by keyboard alone, and the dashboard shows the numbers of /admin/stats', async () => {
    const { page } = await open();
    await page.goto(PORTAL_URL);
    const email = page.getByLabel('Email');
    const password = page.getByLabel('Password');
    const signInButton = page.getByRole('button', { name: 'Sign in' });
    await email.waitFor();

    // From the top of the page, Tab reaches the email, then the password, then the button.
    await blurAll(page);
    for (let presses = 0; presses < 5 && !(await isFocused(email)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await isFocused(email)).toBe(true);
    await page.keyboard.type(ADMIN_EMAIL);
    await page.keyboard.press('Tab');
    expect(await isFocused(password)).toBe(true);
    await page.keyboard.type(ADMIN_PASSWORD);
    await page.keyboard.press('Tab');
    expect(await isFocused(signInButton)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Today' }).waitFor();

    const shown = await dashboardMatchesApi(page);
    expect(Object.keys(shown).sort()).toEqual(Object.keys(await apiStats()).sort());
    expect(Number(shown['usersTotal'].replace(/,/g, ''))).toBeGreaterThan(0);

    // A new member moves the count; the dashboard follows.
    const before = (await apiStats()).usersTotal;
    await signUp('Newcomer');
    await waitFor(async () => (await apiStats()).usersTotal > before, {
      timeoutMs: 10_000,
      intervalMs: 250,
      message: 'the new member in /admin/stats',
    });
    const after = await dashboardMatchesApi(page);
    expect(Number(after['usersTotal'].replace(/,/g, ''))).toBeGreaterThan(before);
  });

  it('tells a plain member they have no access, and signs them out', async () => {
    const member = await signUp('Plain');
    const { page } = await open();
    const login = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/v1/auth/login') && response.request().method() === 'POST',
    );
    await submitSignIn(page, member);
    const answer = await login;
    expect(answer.status()).toBe(200);
    const { refreshToken } = (await answer.json()) as { refreshToken: string };

    const alert = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('has no access to the admin portal');
    // Nothing else on the page speaks up: no session started and ended behind the form.
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await storedSession(page)).toBeNull();
    // The refresh token the sign-in got was revoked, not only forgotten by the page.
    const refreshed = await new ApiClient().api.POST('/api/v1/auth/refresh', {
      body: { refreshToken },
    });
    expectProblem(refreshed, 401);

    // No admin page opens: the portal asks to sign in again.
    await page.goto(portalRoute('reports'));
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Today' }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Reason' }).count()).toBe(0);
  });

  it('shows a lost connection, and recovers by itself', async () => {
    const { context, page } = await open();
    await signIn(page, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const notice = page.getByRole('status').filter({ hasText: 'Connection lost' });
    expect(await notice.count()).toBe(0);

    await context.setOffline(true);
    await page.getByRole('menuitem', { name: 'Members' }).click();
    await notice.waitFor();

    await context.setOffline(false);
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
    // The page reloads what it shows once the API answers again.
    await page.getByRole('columnheader', { name: 'Email' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
  });
});
