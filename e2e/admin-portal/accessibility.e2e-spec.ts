import { testKafka, waitFor } from '@rendezvous/testing';
import type { Browser, Page } from 'playwright-core';
import type { Person } from '../support/api-client';
import { signUp } from '../support/api-client';
import type { BrowserSession, Violation } from '../support/browser';
import {
  NARROW,
  PORTAL_URL,
  WIDE,
  launchChromium,
  portalPage,
  portalRoute,
  screenshot,
  seriousViolations,
  signIn,
} from '../support/browser';
import type { Staff } from '../support/moderation';
import { theAdmin } from '../support/moderation';
import { publishMalformed } from '../support/dead-letters';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/suite-settings';
import { expectData } from '../support/typed-api';

/** A list page is ready once it stopped loading and shows rows or says it has none. */
const listReady = (page: Page) =>
  waitFor(
    async () =>
      (await page.getByRole('progressbar').count()) === 0 &&
      ((await page.locator('tbody tr').count()) > 0 ||
        (await page.getByText(/^No .+ (yet|found)/).count()) > 0),
    { message: `the list at ${page.url()}` },
  );

interface PortalPage {
  name: string;
  route: string;
  ready(page: Page): Promise<unknown>;
}

describe('admin portal: accessibility at 1280 px and 390 px (axe-core), with screenshots', () => {
  let browser: Browser;
  let admin: Staff;
  let member: Person;
  let deadLetterId: string;
  const sessions: BrowserSession[] = [];

  /** Some dead letter to show; a malformed message makes one when there is none yet. */
  async function aDeadLetter(): Promise<string> {
    const list = async () =>
      expectData(
        await admin.client.api.GET('/api/v1/admin/dead-letters', {
          params: { query: { limit: 1 } },
        }),
        200,
      ).items;
    const [existing] = await list();
    if (existing) return existing.id;
    const producer = testKafka().producer();
    await producer.connect();
    try {
      await publishMalformed(producer, 'admin-portal-accessibility');
    } finally {
      await producer.disconnect();
    }
    const [made] = await waitFor(
      async () => {
        const items = await list();
        return items.length > 0 && items;
      },
      { timeoutMs: 30_000, intervalMs: 500, message: 'a dead letter' },
    );
    return made.id;
  }

  beforeAll(async () => {
    [browser, admin, member] = await Promise.all([launchChromium(), theAdmin(), signUp('Ally')]);
    deadLetterId = await aDeadLetter();
  });
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map(({ context }) => context.close()));
  });
  afterAll(() => browser?.close());

  const pages = (): PortalPage[] => [
    {
      name: 'dashboard',
      route: '',
      ready: (page) =>
        waitFor(
          async () =>
            !(await page.locator('dd[data-stat]').allTextContents()).some((text) => text === '…'),
          { message: 'the dashboard counters' },
        ),
    },
    { name: 'reports', route: 'reports', ready: listReady },
    { name: 'members', route: 'members', ready: listReady },
    {
      name: 'member',
      route: `members/${member.id}/show`,
      ready: (page) => page.getByRole('heading', { name: 'Moderation history' }).waitFor(),
    },
    { name: 'events', route: 'events', ready: listReady },
    { name: 'venues', route: 'venues', ready: listReady },
    {
      name: 'venue-create',
      route: 'venues/create',
      ready: (page) => page.getByRole('button', { name: 'Save' }).waitFor(),
    },
    { name: 'dead-letters', route: 'dead-letters', ready: listReady },
    {
      name: 'dead-letter',
      route: `dead-letters/${deadLetterId}/show`,
      ready: (page) =>
        waitFor(async () => ((await page.getByLabel('Message').textContent()) ?? '') !== '', {
          message: "the dead letter's message",
        }),
    },
    { name: 'audit', route: 'audit', ready: listReady },
  ];

  /** Visits each page at one width: a screenshot of each, and what axe finds serious. */
  async function checkEveryPage(viewport: { width: number; height: number }) {
    const session = await portalPage(browser, viewport);
    sessions.push(session);
    const { page } = session;
    const found: Record<string, Violation[]> = {};
    const check = async (name: string) => {
      await screenshot(page, `${name}-${viewport.width}`);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[name] = violations;
    };

    await page.goto(PORTAL_URL);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await check('login');
    await signIn(page, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    for (const portalPage of pages()) {
      await page.goto(portalRoute(portalPage.route));
      await portalPage.ready(page);
      await check(portalPage.name);
    }
    return found;
  }

  it('has no serious or critical violations at 1280 px', async () => {
    expect(await checkEveryPage(WIDE)).toEqual({});
  });

  it('has no serious or critical violations on a narrow window (390 px)', async () => {
    expect(await checkEveryPage(NARROW)).toEqual({});
  });
});
