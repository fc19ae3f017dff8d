import { randomUUID } from 'node:crypto';
import { testKafka, waitFor } from '@rendezvous/testing';
import type { Producer } from 'kafkajs';
import type { Browser, Page } from 'playwright-core';
import type { BrowserSession } from '../support/browser';
import { launchChromium, portalPage, portalRoute, signIn } from '../support/browser';
import type { Staff } from '../support/moderation';
import { note, theAdmin } from '../support/moderation';
import { publishMalformed } from '../support/dead-letters';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/suite-settings';
import { expectData } from '../support/typed-api';

/** The text of a form field's helper line (its error once the API refused the value). */
async function helperOf(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(label).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

describe('admin portal: venues and dead letters (admin)', () => {
  const kafka = testKafka();
  let producer: Producer;
  let browser: Browser;
  let admin: Staff;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    producer = kafka.producer();
    [browser, admin] = await Promise.all([launchChromium(), theAdmin(), producer.connect()]);
  });
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map(({ context }) => context.close()));
  });
  afterAll(async () => {
    await producer?.disconnect();
    await browser?.close();
  });

  const adminPage = async () => {
    const session = await portalPage(browser);
    sessions.push(session);
    await signIn(session.page, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    return session.page;
  };

  it("creates a venue: the API's message shows on the bad field, and the fixed venue is saved", async () => {
    const page = await adminPage();
    await page.goto(portalRoute('venues/create'));
    const name = `Portal Cafe ${randomUUID().slice(0, 8)}`;
    await page.getByLabel('Name').fill(name);
    await page.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Cafe' }).click();
    await page.getByLabel('Latitude').fill('200');
    await page.getByLabel('Longitude').fill('13.4');
    await page.getByLabel('Price level (1–4)').fill('2');

    const refused = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/v1/venues') && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Save' }).click();
    const problem = (await (await refused).json()) as {
      errors: { path: string; message: string }[];
    };
    const latMessage = problem.errors.find((error) => error.path === 'lat')?.message ?? '';
    expect(latMessage).toMatch(/-90 to 90/);
    await waitFor(async () => (await helperOf(page, 'Latitude')).includes(latMessage), {
      message: "the API's message under Latitude",
    });
    expect(await helperOf(page, 'Longitude')).not.toContain('must');

    await page.getByLabel('Latitude').fill('52.52');
    const saved = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/v1/venues') &&
        response.request().method() === 'POST' &&
        response.status() === 201,
    );
    await page.getByRole('button', { name: 'Save' }).click();
    const { id } = (await (await saved).json()) as { id: string };
    await page.waitForURL((url) => url.hash === '#/venues');

    const venue = expectData(
      await admin.client.api.GET('/api/v1/venues/{id}', { params: { path: { id } } }),
      200,
    );
    expect(venue).toMatchObject({
      id,
      name,
      category: 'cafe',
      lat: 52.52,
      lng: 13.4,
      priceLevel: 2,
    });
  });

  it('finds a dead letter, shows its message and replays it', async () => {
    const key = await publishMalformed(producer);
    const parked = await waitFor(
      async () =>
        expectData(
          await admin.client.api.GET('/api/v1/admin/dead-letters', {
            params: { query: { topic: 'user.blocked', status: 'pending', limit: 100 } },
          }),
          200,
        ).items.find((item) => item.key === key),
      { timeoutMs: 30_000, intervalMs: 500, message: 'the poisoned message to be dead-lettered' },
    );

    const page = await adminPage();
    await page.getByRole('menuitem', { name: 'Dead letters' }).click();
    await page.getByLabel('Original topic').fill('user.blocked');
    await page.getByLabel('Consumer group').fill(parked.consumerGroup ?? '');
    await page.waitForURL((url) =>
      decodeURIComponent(url.hash).includes(parked.consumerGroup ?? ''),
    );
    // Newest first: within its topic and group, this test's letter heads the list. The table
    // keeps showing the previous filter's rows until the new answer is in, so wait for that.
    const rows = page.locator('tbody tr');
    const first = rows.first();
    await waitFor(
      async () => {
        const groups = await rows.locator('td.column-consumerGroup').allTextContents();
        return (
          groups.length > 0 &&
          groups.every((group) => group === parked.consumerGroup) &&
          (await first.textContent())?.includes('pending')
        );
      },
      { message: 'the dead letters of this topic and group' },
    );
    await first.click();
    await page.waitForURL((url) => url.hash.startsWith('#/dead-letters/'));
    expect(page.url()).toContain(`#/dead-letters/${parked.id}/show`);

    const message = page.getByLabel('Message', { exact: true });
    await message.waitFor();
    const shown = (await message.textContent()) ?? '';
    expect(shown).toContain(key);
    expect(shown).toContain('"type": "user.blocked"');
    expect(shown).not.toContain('poison@example.com');
    expect(await page.locator('dd').allTextContents()).toContain(parked.error);

    const why = note('replayed from the portal');
    await page.getByRole('button', { name: 'Replay' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replay this message' });
    await dialog.getByLabel('Note').fill(why);
    await dialog.getByRole('button', { name: 'Replay' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Replayed to user.blocked.').waitFor();
    expect(await page.getByRole('button', { name: 'Replay' }).count()).toBe(0);

    const after = expectData(
      await admin.client.api.GET('/api/v1/admin/dead-letters/{id}', {
        params: { path: { id: parked.id } },
      }),
      200,
    );
    expect(after.status).toBe('replayed');
  });
});
