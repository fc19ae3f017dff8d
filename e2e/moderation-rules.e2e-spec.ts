import { locationCell } from '@rendezvous/contracts';
import { waitFor } from '@rendezvous/testing';
import type { Person } from './support/api-client';
import { signUp } from './support/api-client';
import type { AdminUserItem, AuditEntry, ReportItem, Staff } from './support/moderation';
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

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const somewhere = () =>
  locationCell({ lat: -50 + Math.random() * 100, lng: -160 + Math.random() * 320 });

const discovered = async (viewer: Person) =>
  (
    await viewer.client.get<Page<{ userId: string }>>('/matching/discover?limit=100')
  ).body.items.map((item) => item.userId);

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
      expect((await person.client.request('PATCH', '/users/me', { body: place })).status).toBe(200);
    }
    await waitFor(async () => (await discovered(scout)).includes(subject.id), {
      timeoutMs: 10_000,
      message: 'the scout to discover the subject',
    });
    const openReports = async () =>
      (await moderator.client.get<Page<ReportItem>>(`/admin/reports?subjectUserId=${subject.id}`))
        .body.items;

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
    expect((await subject.client.get('/users/me')).status).toBe(200);

    const [first] = await openReports();
    const dismissed = await moderator.client.post<ReportItem>(
      `/admin/reports/${first.id}/decision`,
      { action: 'dismiss', note: note('not spam') },
    );
    expect(dismissed.body.status).toBe('dismissed');
    expect((await openReports()).map((r) => r.autoHidden)).toEqual([false, false]);
    await waitFor(async () => (await discovered(scout)).includes(subject.id), {
      timeoutMs: 5_000,
      message: 'a decision to lift the auto-hide',
    });
  });

  it("refuses a removed role's old tokens within 5 s; ADMIN_EMAILS stays admin", async () => {
    const max = await signUp('Max');
    const userToken = max.token;
    const granted = await admin.client.request<AdminUserItem>(
      'PUT',
      `/admin/users/${max.id}/role`,
      {
        body: { role: 'moderator', note: note('new moderator') },
      },
    );
    expect(granted.status).toBe(200);
    expect(granted.body.role).toBe('moderator');
    // The old token still works as what it says (a user); the role arrives with a new token.
    expect((await max.client.get('/admin/reports')).status).toBe(403);
    expect((await max.client.get('/users/me')).status).toBe(200);
    expect((await logIn(max)).body.user.role).toBe('moderator');
    expect((await max.client.get('/admin/reports')).status).toBe(200);
    const moderatorToken = max.token;

    const same = await admin.client.request('PUT', `/admin/users/${max.id}/role`, {
      body: { role: 'moderator', note: note('again') },
    });
    expect(same.status).toBe(409);
    const removed = await admin.client.request('PUT', `/admin/users/${max.id}/role`, {
      body: { role: 'user', note: note('left the team') },
    });
    expect(removed.status).toBe(200);
    const removedAt = Date.now();
    await untilEveryCheck(
      moderatorToken,
      (answer) => answer.status === 401 && answer.body.code === 'AUTH.ROLE_CHANGED',
      { since: removedAt, what: "refuse the removed moderator's token" },
    );
    expect((await max.client.get('/users/me')).status).toBe(401);
    expect((await max.client.request('GET', '/users/me', { token: userToken })).status).toBe(200);
    expect((await logIn(max)).body.user.role).toBe('user');

    const me = await admin.client.request('PUT', `/admin/users/${admin.id}/role`, {
      body: { role: 'user', note: note('step down') },
    });
    expect(me.status).toBe(409);
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
    const adminRoutes: [string, string, unknown?][] = [
      ['GET', '/admin/users'],
      ['GET', `/admin/users/${other.id}`],
      ['POST', `/admin/users/${other.id}/suspend`, body],
      ['POST', `/admin/users/${other.id}/ban`, body],
      ['POST', `/admin/users/${other.id}/reinstate`, body],
      ['PUT', `/admin/users/${other.id}/role`, { role: 'moderator', ...body }],
      ['GET', '/admin/reports'],
      ['POST', `/admin/reports/${filed.id}/decision`, { action: 'dismiss', ...body }],
      ['GET', '/admin/audit'],
      ['GET', '/admin/stats'],
      ['GET', '/admin/stats/daily'],
    ];
    for (const [method, path, payload] of adminRoutes) {
      const answer = await person.client.request(method, path, { body: payload });
      expect({ method, path, status: answer.status }).toEqual({ method, path, status: 403 });
    }

    const moderatorRefused: [string, string, unknown?][] = [
      ['POST', `/admin/users/${other.id}/ban`, body],
      ['PUT', `/admin/users/${other.id}/role`, { role: 'moderator', ...body }],
      ['GET', '/admin/audit'],
      ['POST', `/admin/users/${admin.id}/suspend`, body],
      ['POST', `/admin/reports/${filed.id}/decision`, { action: 'ban', ...body }],
    ];
    for (const [method, path, payload] of moderatorRefused) {
      const answer = await moderator.client.request(method, path, { body: payload });
      expect({ method, path, status: answer.status }).toEqual({ method, path, status: 403 });
    }
    const adminReport = await report(person, admin.id);
    const onAdmin = await moderator.client.post(`/admin/reports/${adminReport.id}/decision`, {
      action: 'warn',
      ...body,
    });
    expect(onAdmin.status).toBe(403);

    // The audit log cannot be changed by anyone, through any route.
    const [entry] = (await admin.client.get<Page<AuditEntry>>('/admin/audit?limit=1')).body.items;
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const answer = await admin.client.request(method, `/admin/audit/${entry.id}`, { body: {} });
      expect([404, 405]).toContain(answer.status);
    }
    const still = (await admin.client.get<Page<AuditEntry>>('/admin/audit?limit=1')).body.items;
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
      moderator.client.post<ReportItem>(`/admin/reports/${filed.id}/decision`, {
        action: 'warn',
        note: note('first'),
      }),
      second.client.post<ReportItem>(`/admin/reports/${filed.id}/decision`, {
        action: 'warn',
        note: note('second'),
      }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const [winner] = answers.filter((a) => a.status === 200);
    const warned = await subjectSocket.next('account.warned');
    expect(warned.payload).toMatchObject({ reason: 'inappropriate_content' });

    const history = await auditAbout(admin, subject.id);
    expect(history).toEqual([
      expect.objectContaining({
        action: 'report.warned',
        objectId: filed.id,
        actorId: winner.body.decidedBy,
      }),
    ]);
    const mine = await reporter.client.get<Page<Record<string, unknown>>>('/reports/mine');
    expect(mine.body.items).toEqual([
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
