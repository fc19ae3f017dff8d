import { locationCell } from '@rendezvous/contracts';
import { waitFor } from '@rendezvous/testing';
import type { Browser, Page } from 'playwright-core';
import type { Person } from '../support/api-client';
import { signUp } from '../support/api-client';
import type { BrowserSession } from '../support/browser';
import { launchChromium, portalPage, portalRoute, signIn } from '../support/browser';
import type { Staff } from '../support/moderation';
import { aModerator, note, report, theAdmin } from '../support/moderation';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/suite-settings';
import { expectData, expectProblem } from '../support/typed-api';

// A spot on the map of this test's own, away from other tests' people.
const somewhere = () =>
  locationCell({ lat: -50 + Math.random() * 100, lng: -160 + Math.random() * 320 });

async function locatedAt(person: Person, place: { lat: number; lng: number }): Promise<Person> {
  const answer = await person.api.PATCH('/api/v1/users/me', {
    body: { location: { ...place, city: 'Here' }, interests: ['chess', 'jazz'] },
  });
  expectData(answer, 200);
  return person;
}

const discovered = async (viewer: Person) =>
  expectData(
    await viewer.api.GET('/api/v1/matching/discover', { params: { query: { limit: 100 } } }),
    200,
  ).items.map((item) => item.userId);

/** Types into a list filter and waits for the list to apply it (react-admin debounces). */
async function filterBy(page: Page, label: string, value: string) {
  await page.getByLabel(label).fill(value);
  await page.waitForURL((url) => decodeURIComponent(url.hash).includes(value));
}

describe('admin portal: moderation', () => {
  let browser: Browser;
  let admin: Staff;
  let moderator: Person;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    [browser, admin] = await Promise.all([launchChromium(), theAdmin()]);
    moderator = await aModerator(admin, 'Moira');
  });
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map(({ context }) => context.close()));
  });
  afterAll(() => browser?.close());

  const signedIn = async (credentials: { email: string; password: string }) => {
    const session = await portalPage(browser);
    sessions.push(session);
    await signIn(session.page, credentials);
    return session.page;
  };

  it('a report appears in the open queue without a reload; the moderator suspends with a note; the admin sees it audited', async () => {
    const here = somewhere();
    const [subject, scout, reporter] = await Promise.all([
      signUp('Sid').then((person) => locatedAt(person, here)),
      signUp('Scout').then((person) => locatedAt(person, here)),
      signUp('Rhea'),
    ]);
    await waitFor(async () => (await discovered(scout)).includes(subject.id), {
      timeoutMs: 10_000,
      message: 'the scout to discover the subject',
    });

    const page = await signedIn(moderator);
    await page.getByRole('menuitem', { name: 'Reports' }).click();
    await filterBy(page, 'Subject id', subject.id);
    await page.getByText('No reports found using the current filters.').waitFor();
    // Set on this page load: still there when the row shows, so the page was not reloaded.
    await page.evaluate('window.loadedOnce = true');

    const filed = await report(reporter, subject.id);
    const decide = page.getByRole('button', { name: `Decide report ${filed.id}` });
    await decide.waitFor({ timeout: 10_000 });
    expect(await page.evaluate('window.loadedOnce')).toBe(true);
    const row = page.getByRole('row').filter({ has: decide });
    expect(await row.textContent()).toContain('Sent me abusive messages after the meeting');

    const why = note('Suspended after the report');
    await decide.click();
    const dialog = page.getByRole('dialog', { name: 'Decide report' });
    await dialog.getByRole('combobox', { name: 'Decision' }).click();
    await page.getByRole('option', { name: 'Suspend' }).click();
    await dialog.getByLabel('Note').fill(why);
    await dialog.getByRole('button', { name: 'Decide' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Report decided: suspend.').waitFor();
    // Decided, it leaves the open queue.
    await decide.waitFor({ state: 'detached' });

    // The suspended person's token is refused and they are gone from discovery.
    await waitFor(async () => (await subject.api.GET('/api/v1/users/me')).response.status === 401, {
      timeoutMs: 5_000,
      message: "the suspended person's token to be refused",
    });
    expectProblem(await subject.api.GET('/api/v1/users/me'), 401);
    await waitFor(async () => !(await discovered(scout)).includes(subject.id), {
      timeoutMs: 5_000,
      message: 'the suspended person to leave discovery',
    });

    // The admin finds the decision in the audit log, with the moderator's note.
    const adminPage = await signedIn({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    await adminPage.getByRole('menuitem', { name: 'Audit log' }).click();
    await filterBy(adminPage, 'Subject id', subject.id);
    const entry = adminPage.getByRole('row').filter({ hasText: why });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('report.suspended');
    expect(await entry.getByRole('link').first().getAttribute('title')).toBe(moderator.id);
  });

  it('shows moderators neither dead letters nor the audit log', async () => {
    const page = await signedIn(moderator);
    const menu = page.getByRole('menuitem');
    await page.getByRole('menuitem', { name: 'Reports' }).waitFor();
    const items = (await menu.allTextContents()).map((text) => text.trim());
    expect(items).toEqual(expect.arrayContaining(['Reports', 'Members', 'Events', 'Venues']));
    expect(items).not.toContain('Dead letters');
    expect(items).not.toContain('Audit log');

    await page.goto(portalRoute('audit'));
    await page.getByText('Either you typed a wrong URL, or you followed a bad link.').waitFor();
    expect(await page.getByLabel('Actor id').count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Action' }).count()).toBe(0);
  });
});
