import { locationCell } from '@rendezvous/contracts';
import { waitFor } from '@rendezvous/testing';
import type { Person } from './support/api-client';
import { signUp } from './support/api-client';
import type { RendezvousClient } from '@rendezvous/api-client';
import type { Staff } from './support/moderation';
import {
  aModerator,
  auditAbout,
  logIn,
  note,
  report,
  theAdmin,
  untilEveryCheck,
} from './support/moderation';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime } from './support/realtime-client';
import { expectData, expectProblem } from './support/typed-api';

const somewhere = () =>
  locationCell({ lat: -50 + Math.random() * 100, lng: -160 + Math.random() * 320 });

const discovered = async (viewer: Person) =>
  expectData(
    await viewer.api.GET('/api/v1/matching/discover', { params: { query: { limit: 100 } } }),
    200,
  ).items.map((item) => item.userId);

const decide = (
  api: RendezvousClient,
  reportId: string,
  body: { action: 'dismiss' | 'warn' | 'suspend' | 'ban'; note: string },
) => api.POST('/api/v1/admin/reports/{id}/decision', { params: { path: { id: reportId } }, body });

const setRole = (admin: Staff, id: string, role: 'user' | 'moderator', why: string) =>
  admin.client.api.PUT('/api/v1/admin/users/{id}/role', {
    params: { path: { id } },
    body: { role, note: note(why) },
  });

describe('moderation rules', () => {
  const sockets: RealtimeClient[] = [];
  let admin: Staff;
  let moderator: Person;

  beforeAll(async () => {
    admin = await theAdmin();
    moderator = await aModerator(admin);
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  it('hides someone from discovery once three different people report them, not before', async () => {
    const here = somewhere();
    const place = { location: { ...here, city: 'Here' } };
    const [subject, scout, ...reporters] = await Promise.all(
      ['Zed', 'Scout', 'R1', 'R2', 'R3'].map((name) => signUp(name)),
    );
    for (const person of [subject, scout]) {
      expectData(await person.api.PATCH('/api/v1/users/me', { body: place }), 200);
    }
    await waitFor(async () => (await discovered(scout)).includes(subject.id), {
      timeoutMs: 10_000,
      message: 'the scout to discover the subject',
    });
    const openReports = async () =>
      expectData(
        await moderator.api.GET('/api/v1/admin/reports', {
          params: { query: { subjectUserId: subject.id } },
        }),
        200,
      ).items;

    await report(reporters[0], subject.id, 'spam');
    await report(reporters[1], subject.id, 'scam');
    // Two reporters: below the threshold, nothing changes (the user service decides it when
    // the report is filed, so the reports say so at once).
    expect((await openReports()).map((r) => [r.autoHidden, r.subjectOpenReports])).toEqual([
      [false, 2],
      [false, 2],
    ]);
    expect(await discovered(scout)).toContain(subject.id);

    await report(reporters[2], subject.id, 'spam');
    expect((await openReports()).map((r) => r.autoHidden)).toEqual([true, true, true]);
    await waitFor(async () => !(await discovered(scout)).includes(subject.id), {
      timeoutMs: 5_000,
      message: 'the auto-hidden person to leave discovery',
    });
    // Nothing else changes for them until a decision.
    expectData(await subject.api.GET('/api/v1/users/me'), 200);

    const [first] = await openReports();
    const dismissed = await decide(moderator.api, first.id, {
      action: 'dismiss',
      note: note('not spam'),
    });
    expect(expectData(dismissed, 200).status).toBe('dismissed');
    expect((await openReports()).map((r) => r.autoHidden)).toEqual([false, false]);
    await waitFor(async () => (await discovered(scout)).includes(subject.id), {
      timeoutMs: 5_000,
      message: 'a decision to lift the auto-hide',
    });
  });

  it("refuses a removed role's old tokens within 5 s; ADMIN_EMAILS stays admin", async () => {
    const max = await signUp('Max');
    const userToken = max.token;
    const granted = await setRole(admin, max.id, 'moderator', 'new moderator');
    expect(expectData(granted, 200).role).toBe('moderator');
    // The old token still works as what it says (a user); the role arrives with a new token.
    expectProblem(await max.api.GET('/api/v1/admin/reports'), 403);
    expectData(await max.api.GET('/api/v1/users/me'), 200);
    expect(expectData(await logIn(max), 200).user.role).toBe('moderator');
    expectData(await max.api.GET('/api/v1/admin/reports'), 200);
    const moderatorToken = max.token;

    expectProblem(await setRole(admin, max.id, 'moderator', 'again'), 409);
    expectData(await setRole(admin, max.id, 'user', 'left the team'), 200);
    const removedAt = Date.now();
    await untilEveryCheck(
      moderatorToken,
      (answer) => answer.status === 401 && answer.body.code === 'AUTH.ROLE_CHANGED',
      { since: removedAt, what: "refuse the removed moderator's token" },
    );
    expectProblem(await max.api.GET('/api/v1/users/me'), 401);
    expectData(await max.client.withToken(userToken).GET('/api/v1/users/me'), 200);
    expect(expectData(await logIn(max), 200).user.role).toBe('user');

    expectProblem(await setRole(admin, admin.id, 'user', 'step down'), 409);
    const history = await auditAbout(admin, max.id);
    expect(history.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['user.role_changed', admin.id],
      ['user.role_changed', admin.id],
    ]);
  });

  it('lets users do nothing on admin routes and moderators only what their role may', async () => {
    const [person, other] = await Promise.all([signUp('Una'), signUp('Oli')]);
    const filed = await report(other, person.id);
    const body = { note: note('x') };
    const at = (id: string) => ({ params: { path: { id } } });
    const user = (id: string) => ({ ...at(id), body });
    const role = {
      params: { path: { id: other.id } },
      body: { role: 'moderator' as const, ...body },
    };
    type Call = [string, (api: RendezvousClient) => Promise<{ response: Response }>];
    const adminRoutes: Call[] = [
      ['GET /admin/users', (api) => api.GET('/api/v1/admin/users')],
      ['GET /admin/users/{id}', (api) => api.GET('/api/v1/admin/users/{id}', at(other.id))],
      ['POST suspend', (api) => api.POST('/api/v1/admin/users/{id}/suspend', user(other.id))],
      ['POST ban', (api) => api.POST('/api/v1/admin/users/{id}/ban', user(other.id))],
      ['POST reinstate', (api) => api.POST('/api/v1/admin/users/{id}/reinstate', user(other.id))],
      ['PUT role', (api) => api.PUT('/api/v1/admin/users/{id}/role', role)],
      ['GET /admin/reports', (api) => api.GET('/api/v1/admin/reports')],
      ['POST decision', (api) => decide(api, filed.id, { action: 'dismiss', ...body })],
      ['GET /admin/audit', (api) => api.GET('/api/v1/admin/audit')],
      ['GET /admin/stats', (api) => api.GET('/api/v1/admin/stats')],
      ['GET /admin/stats/daily', (api) => api.GET('/api/v1/admin/stats/daily')],
    ];
    for (const [route, call] of adminRoutes) {
      const { response } = await call(person.api);
      expect({ route, status: response.status }).toEqual({ route, status: 403 });
    }

    const moderatorRefused: Call[] = [
      ['POST ban', (api) => api.POST('/api/v1/admin/users/{id}/ban', user(other.id))],
      ['PUT role', (api) => api.PUT('/api/v1/admin/users/{id}/role', role)],
      ['GET /admin/audit', (api) => api.GET('/api/v1/admin/audit')],
      ['POST suspend admin', (api) => api.POST('/api/v1/admin/users/{id}/suspend', user(admin.id))],
      ['POST decision ban', (api) => decide(api, filed.id, { action: 'ban', ...body })],
    ];
    for (const [route, call] of moderatorRefused) {
      const { response } = await call(moderator.api);
      expect({ route, status: response.status }).toEqual({ route, status: 403 });
    }
    const adminReport = await report(person, admin.id);
    expectProblem(await decide(moderator.api, adminReport.id, { action: 'warn', ...body }), 403);

    // The audit log cannot be changed by anyone, through any route.
    const lastEntry = async () =>
      expectData(
        await admin.client.api.GET('/api/v1/admin/audit', { params: { query: { limit: 1 } } }),
        200,
      ).items;
    const [entry] = await lastEntry();
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const answer = await admin.client.request(method, `/admin/audit/${entry.id}`, { body: {} });
      expect([404, 405]).toContain(answer.status);
    }
    const still = await lastEntry();
    expect(still[0]).toEqual(entry);
    // Refused attempts left no trace; the admin's own list is unchanged.
    expect(await auditAbout(admin, other.id)).toEqual([]);
  });

  it('lets exactly one of two simultaneous decisions win, audited once, and warns the person', async () => {
    const second = await aModerator(admin, 'Mia');
    const [subject, reporter] = await Promise.all([signUp('Wes'), signUp('Rae')]);
    const subjectSocket = await connectRealtime(subject.token);
    sockets.push(subjectSocket);
    const filed = await report(reporter, subject.id, 'inappropriate_content');

    const answers = await Promise.all([
      decide(moderator.api, filed.id, { action: 'warn', note: note('first') }),
      decide(second.api, filed.id, { action: 'warn', note: note('second') }),
    ]);
    expect(answers.map((a) => a.response.status).sort()).toEqual([200, 409]);
    const [winner] = answers.filter((a) => a.response.status === 200);
    const warned = await subjectSocket.next('account.warned');
    expect(warned.payload).toMatchObject({ reason: 'inappropriate_content' });

    const history = await auditAbout(admin, subject.id);
    expect(history).toEqual([
      expect.objectContaining({
        action: 'report.warned',
        objectId: filed.id,
        actorId: expectData(winner, 200).decidedBy,
      }),
    ]);
    const mine = expectData(await reporter.api.GET('/api/v1/reports/mine'), 200);
    expect(mine.items).toEqual([
      {
        id: filed.id,
        subjectUserId: subject.id,
        reason: 'inappropriate_content',
        status: 'actioned',
        createdAt: expect.any(String),
      },
    ]);
  });
});
