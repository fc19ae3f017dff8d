import type { Topic } from '@rendezvous/contracts';
import {
  AUTH_ERRORS,
  COMMON_ERRORS,
  MODERATION_ERRORS,
  TOPICS,
  USER_ERRORS,
} from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import { collectMessages, testKafka, uniqueName, waitFor } from '@rendezvous/testing';
import { DataSource } from 'typeorm';
import type { Page, Problem } from './moderation-people';
import { PASSWORD, login, staffMember } from './moderation-people';
import type { AuthResponse, UserTestApp } from './user-test-app';
import { startUserApp } from './user-test-app';

interface AdminUserItem {
  id: string;
  email: string;
  role: string;
  status: string;
  suspendedUntil: string | null;
  openReports: number;
}

interface AuditEntry {
  id: string;
  actorId: string;
  action: string;
  subjectUserId?: string;
  objectId?: string;
  note?: string;
  at: string;
}

describe('user service: account standing and roles', () => {
  const bossEmail = `${uniqueName('boss')}@example.com`;
  let t: UserTestApp;
  let events: KafkaCollector;
  let admin: AuthResponse;
  let moderator: AuthResponse;

  beforeAll(async () => {
    // One moderation hour lasts a second, so a timed suspension ends within the test.
    t = await startUserApp({
      ADMIN_EMAILS: bossEmail,
      MODERATION_HOUR_SECONDS: '1',
      MODERATION_SUSPENSION_SWEEP_SECONDS: '1',
    });
    events = await collectMessages(testKafka(), [TOPICS.USER_STATUS_CHANGED, TOPICS.USER_UPDATED]);
    admin = await t.signup({ email: bossEmail });
    moderator = await staffMember(t, admin, 'moderator');
  });

  afterAll(async () => {
    await events.stop();
    await t.close();
  });

  const eventsOf = <T extends Topic>(type: T, aggregateId: string) =>
    events.envelopes(type, aggregateId);

  const statusEvents = (userId: string) =>
    eventsOf(TOPICS.USER_STATUS_CHANGED, userId).sort(
      (a, b) => a.aggregateVersion - b.aggregateVersion,
    );

  const act = (token: string, userId: string, action: string, body: object = { note: 'n' }) =>
    t.request<AdminUserItem & Problem>('POST', `/admin/users/${userId}/${action}`, {
      token,
      body,
    });

  const auditAbout = async (userId: string) =>
    (
      await t.request<Page<AuditEntry>>('GET', `/admin/audit?subjectUserId=${userId}`, {
        token: admin.accessToken,
      })
    ).body.items;

  it('suspends until reinstated: login 403, tokens 401, refresh tokens revoked, 404 to others', async () => {
    const person = await t.signup();
    const friend = await t.signup();
    const requested = await t.request('POST', '/users/me/connections', {
      token: friend.accessToken,
      body: { userId: person.user.id },
    });
    expect(requested.status).toBe(201);

    const suspended = await act(moderator.accessToken, person.user.id, 'suspend', {
      note: 'spamming everyone',
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({
      id: person.user.id,
      status: 'suspended',
      suspendedUntil: null,
      role: 'user',
    });

    const wrongPassword = await t.request<Problem>('POST', '/auth/login', {
      body: { email: person.user.email, password: 'not the password' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body.code).toBe(AUTH_ERRORS.INVALID_CREDENTIALS);
    const loginRefused = await t.request<Problem>('POST', '/auth/login', {
      body: { email: person.user.email, password: PASSWORD },
    });
    expect(loginRefused.status).toBe(403);
    expect(loginRefused.body).toMatchObject({
      code: AUTH_ERRORS.ACCOUNT_SUSPENDED,
      status: 403,
      accountStatus: 'suspended',
      suspendedUntil: null,
    });

    const token = await t.request<Problem>('GET', '/users/me', { token: person.accessToken });
    expect(token.status).toBe(401);
    expect(token.body.code).toBe(AUTH_ERRORS.ACCOUNT_SUSPENDED);
    const refresh = await t.request<Problem>('POST', '/auth/refresh', {
      body: { refreshToken: person.refreshToken },
    });
    expect(refresh.status).toBe(403);
    expect(refresh.body.code).toBe(AUTH_ERRORS.ACCOUNT_SUSPENDED);

    const profile = await t.request<Problem>('GET', `/users/${person.user.id}`, {
      token: friend.accessToken,
    });
    expect(profile.status).toBe(404);
    const connections = await t.request<Page<{ userId: string }>>('GET', '/users/me/connections', {
      token: friend.accessToken,
    });
    expect(connections.body.items).toEqual([]);
    const stranger = await t.signup();
    const request = await t.request<Problem>('POST', '/users/me/connections', {
      token: stranger.accessToken,
      body: { userId: person.user.id },
    });
    expect(request.status).toBe(404);
    expect(request.body.code).toBe(USER_ERRORS.USER_NOT_FOUND);

    const reinstated = await act(moderator.accessToken, person.user.id, 'reinstate', {
      note: 'appeal accepted',
    });
    expect(reinstated.status).toBe(200);
    expect(reinstated.body).toMatchObject({ status: 'active', suspendedUntil: null });
    const again = await login(t, person.user.email);
    expect((await t.request('GET', '/users/me', { token: again.accessToken })).status).toBe(200);
    // The refresh token from before the suspension stays revoked.
    const oldRefresh = await t.request<Problem>('POST', '/auth/refresh', {
      body: { refreshToken: person.refreshToken },
    });
    expect(oldRefresh.status).toBe(401);
    const back = await t.request<Page<{ userId: string }>>('GET', '/users/me/connections', {
      token: friend.accessToken,
    });
    expect(back.body.items.map((c) => c.userId)).toEqual([person.user.id]);

    const entries = await auditAbout(person.user.id);
    expect(entries.map((e) => [e.action, e.actorId, e.note])).toEqual([
      ['user.reinstated', moderator.user.id, 'appeal accepted'],
      ['user.suspended', moderator.user.id, 'spamming everyone'],
    ]);
    const announced = await waitFor(
      () => {
        const found = statusEvents(person.user.id);
        return found.length >= 2 && found;
      },
      { message: 'user.status_changed for the suspension and the reinstatement' },
    );
    expect(announced.map((e) => e.data.status)).toEqual(['suspended', 'active']);
    expect(announced[1].aggregateVersion).toBeGreaterThan(announced[0].aggregateVersion);
  });

  it('ends a timed suspension by itself, then announces it without an audit entry', async () => {
    const person = await t.signup();
    const suspended = await act(admin.accessToken, person.user.id, 'suspend', {
      note: 'cool off',
      durationHours: 1,
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    expect(suspended.body.suspendedUntil).toEqual(expect.any(String));

    const refused = await t.request<Problem>('POST', '/auth/login', {
      body: { email: person.user.email, password: PASSWORD },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.suspendedUntil).toBe(suspended.body.suspendedUntil);

    await waitFor(
      async () =>
        (
          await t.request('POST', '/auth/login', {
            body: { email: person.user.email, password: PASSWORD },
          })
        ).status === 200,
      { message: 'login after the suspension ended' },
    );
    const ended = await waitFor(
      () => statusEvents(person.user.id).find((e) => e.data.status === 'active'),
      { message: 'user.status_changed with status active from the sweep' },
    );
    expect(ended.data.suspendedUntil).toBeNull();
    const reinstate = await act(admin.accessToken, person.user.id, 'reinstate');
    expect(reinstate.status).toBe(409);
    expect(reinstate.body.code).toBe(MODERATION_ERRORS.ACCOUNT_STATE_CONFLICT);
    expect((await auditAbout(person.user.id)).map((e) => e.action)).toEqual(['user.suspended']);
  });

  it('bans for admins only; a ban is lifted by admins only; state conflicts are 409', async () => {
    const person = await t.signup();
    expect((await act(moderator.accessToken, person.user.id, 'ban')).status).toBe(403);
    const banned = await act(admin.accessToken, person.user.id, 'ban', { note: 'scam ring' });
    expect(banned.status).toBe(200);
    expect(banned.body.status).toBe('banned');
    const loginRefused = await t.request<Problem>('POST', '/auth/login', {
      body: { email: person.user.email, password: PASSWORD },
    });
    expect(loginRefused.body).toMatchObject({ status: 403, accountStatus: 'banned' });

    const banAgain = await act(admin.accessToken, person.user.id, 'ban');
    expect(banAgain.status).toBe(409);
    expect(banAgain.body.code).toBe(MODERATION_ERRORS.ACCOUNT_STATE_CONFLICT);
    expect((await act(admin.accessToken, person.user.id, 'suspend')).status).toBe(409);
    expect((await act(moderator.accessToken, person.user.id, 'reinstate')).status).toBe(403);
    expect((await act(admin.accessToken, person.user.id, 'reinstate')).status).toBe(200);
    expect((await act(admin.accessToken, person.user.id, 'reinstate')).status).toBe(409);
    expect((await auditAbout(person.user.id)).map((e) => [e.action, e.actorId])).toEqual([
      ['user.reinstated', admin.user.id],
      ['user.banned', admin.user.id],
    ]);
  });

  it('answers 403 to users on every admin route and to moderators beyond their role', async () => {
    const user = await t.signup();
    const target = await t.signup();
    const otherModerator = await staffMember(t, admin, 'moderator');
    const id = target.user.id;
    const routes: [string, string, object?][] = [
      ['GET', '/admin/users'],
      ['GET', `/admin/users/${id}`],
      ['POST', `/admin/users/${id}/suspend`, { note: 'n' }],
      ['POST', `/admin/users/${id}/ban`, { note: 'n' }],
      ['POST', `/admin/users/${id}/reinstate`, { note: 'n' }],
      ['PUT', `/admin/users/${id}/role`, { role: 'moderator', note: 'n' }],
      ['GET', '/admin/reports'],
      ['POST', `/admin/reports/${id}/decision`, { action: 'dismiss', note: 'n' }],
      ['GET', '/admin/audit'],
    ];
    for (const [method, path, body] of routes) {
      const response = await t.request<Problem>(method as 'GET', path, {
        token: user.accessToken,
        body,
      });
      expect([path, response.status, response.body.code]).toEqual([
        path,
        403,
        COMMON_ERRORS.FORBIDDEN,
      ]);
    }

    const forModerator: [string, string, object?][] = [
      ['POST', `/admin/users/${id}/ban`, { note: 'n' }],
      ['PUT', `/admin/users/${id}/role`, { role: 'moderator', note: 'n' }],
      ['GET', '/admin/audit'],
      ['POST', `/admin/users/${admin.user.id}/suspend`, { note: 'n' }],
      ['POST', `/admin/users/${otherModerator.user.id}/suspend`, { note: 'n' }],
    ];
    for (const [method, path, body] of forModerator) {
      const response = await t.request<Problem>(method as 'GET', path, {
        token: moderator.accessToken,
        body,
      });
      expect([path, response.status]).toEqual([path, 403]);
    }
    expect((await act(admin.accessToken, admin.user.id, 'suspend')).status).toBe(403);
    const list = await t.request<Page<AdminUserItem>>(
      'GET',
      `/admin/users?q=${encodeURIComponent(target.user.email.toUpperCase())}`,
      { token: moderator.accessToken },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((u) => u.id)).toEqual([id]);
    expect(await auditAbout(id)).toEqual([]);
  });

  it('grants and removes roles: the new role at the next login, old tokens 401 at once', async () => {
    const person = await t.signup();
    const granted = await t.request<AdminUserItem>('PUT', `/admin/users/${person.user.id}/role`, {
      token: admin.accessToken,
      body: { role: 'moderator', note: 'trusted member' },
    });
    expect(granted.status).toBe(200);
    expect(granted.body.role).toBe('moderator');
    // The old token claims less than the person now has: it still works, as a user's.
    expect((await t.request('GET', '/users/me', { token: person.accessToken })).status).toBe(200);
    expect((await t.request('GET', '/admin/users', { token: person.accessToken })).status).toBe(
      403,
    );
    const asModerator = await login(t, person.user.email);
    expect(asModerator.user.role).toBe('moderator');
    // A role granted through the API survives later logins.
    expect((await login(t, person.user.email)).user.role).toBe('moderator');
    expect(
      (await t.request('GET', '/admin/users', { token: asModerator.accessToken })).status,
    ).toBe(200);

    const same = await t.request<Problem>('PUT', `/admin/users/${person.user.id}/role`, {
      token: admin.accessToken,
      body: { role: 'moderator', note: 'again' },
    });
    expect(same.status).toBe(409);
    expect(same.body.code).toBe(MODERATION_ERRORS.ROLE_CONFLICT);

    const removed = await t.request<AdminUserItem>('PUT', `/admin/users/${person.user.id}/role`, {
      token: admin.accessToken,
      body: { role: 'user', note: 'stepped down' },
    });
    expect(removed.status).toBe(200);
    const old = await t.request<Problem>('GET', '/users/me', { token: asModerator.accessToken });
    expect(old.status).toBe(401);
    expect(old.body.code).toBe(AUTH_ERRORS.ROLE_CHANGED);
    const fresh = await login(t, person.user.email);
    expect(fresh.user.role).toBe('user');
    expect((await t.request('GET', '/users/me', { token: fresh.accessToken })).status).toBe(200);

    expect((await auditAbout(person.user.id)).map((e) => [e.action, e.actorId, e.note])).toEqual([
      ['user.role_changed', admin.user.id, 'stepped down'],
      ['user.role_changed', admin.user.id, 'trusted member'],
    ]);
    const updates = await waitFor(
      () => {
        const found = eventsOf(TOPICS.USER_UPDATED, person.user.id);
        return found.some((e) => e.data.role === 'user') && found;
      },
      { message: 'user.updated carrying the removed role' },
    );
    expect(updates.map((e) => e.data.role)).toContain('moderator');
    const standing = await waitFor(
      () => statusEvents(person.user.id).find((e) => e.data.role === 'user'),
      { message: 'user.status_changed with the role removed' },
    );
    expect(standing.data.roleChangedAt).toEqual(expect.any(String));
  });

  it('keeps ADMIN_EMAILS accounts admin: no demotion, no changing one’s own role', async () => {
    const own = await t.request<Problem>('PUT', `/admin/users/${admin.user.id}/role`, {
      token: admin.accessToken,
      body: { role: 'moderator', note: 'n' },
    });
    expect(own.status).toBe(409);
    const otherAdmin = await staffMember(t, admin, 'admin');
    const demote = await t.request<Problem>('PUT', `/admin/users/${admin.user.id}/role`, {
      token: otherAdmin.accessToken,
      body: { role: 'user', note: 'n' },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe(MODERATION_ERRORS.ROLE_CONFLICT);

    // An ADMIN_EMAILS account that is not admin (the setting came later) is promoted at login.
    await t.app
      .get(DataSource)
      .query(`UPDATE users SET role = 'user' WHERE id = $1`, [admin.user.id]);
    const promoted = await login(t, bossEmail);
    expect(promoted.user.role).toBe('admin');
    admin = promoted;
  });

  it('lists people newest first with effective status, role filters and paging', async () => {
    const marker = uniqueName('Zebulon');
    const first = await t.signup({ name: `${marker} One` });
    const second = await t.signup({ name: `${marker} Two` });
    await t.request('PATCH', '/users/me', {
      token: second.accessToken,
      body: { location: { lat: 48.85661, lng: 2.35222, city: 'Paris' } },
    });
    await act(admin.accessToken, second.user.id, 'suspend', { note: 'n' });
    const page = await t.request<Page<AdminUserItem>>(
      'GET',
      `/admin/users?q=${marker.toLowerCase()}&limit=1`,
      { token: moderator.accessToken },
    );
    expect(page.body.items.map((u) => u.id)).toEqual([second.user.id]);
    const next = await t.request<Page<AdminUserItem>>(
      'GET',
      `/admin/users?q=${marker}&limit=1&cursor=${page.body.nextCursor}`,
      { token: moderator.accessToken },
    );
    expect(next.body.items.map((u) => u.id)).toEqual([first.user.id]);
    expect(next.body.nextCursor).toBeNull();
    const suspended = await t.request<Page<AdminUserItem>>(
      'GET',
      `/admin/users?q=${marker}&status=suspended`,
      { token: moderator.accessToken },
    );
    expect(suspended.body.items.map((u) => u.id)).toEqual([second.user.id]);
    const moderators = await t.request<Page<AdminUserItem>>('GET', '/admin/users?role=moderator', {
      token: moderator.accessToken,
    });
    expect(moderators.body.items.map((u) => u.id)).toContain(moderator.user.id);
    expect(moderators.body.items.every((u) => u.role === 'moderator')).toBe(true);
    const badCursor = await t.request<Problem>('GET', '/admin/users?cursor=nope', {
      token: moderator.accessToken,
    });
    expect(badCursor.status).toBe(400);
    const unknownField = await act(admin.accessToken, first.user.id, 'suspend', {
      note: 'n',
      durationHours: 0,
      forever: true,
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors?.map((e) => e.path).sort()).toEqual([
      'durationHours',
      'forever',
    ]);

    const detail = await t.request<Record<string, unknown>>(
      'GET',
      `/admin/users/${second.user.id}`,
      { token: moderator.accessToken },
    );
    expect(detail.body).toMatchObject({
      id: second.user.id,
      email: second.user.email,
      status: 'suspended',
      profile: { location: { city: 'Paris' } },
      reportsAgainst: 0,
      reportsFiled: 0,
      history: [{ action: 'user.suspended', actorId: admin.user.id, note: 'n' }],
    });
    // Only the city: the exact location is for the person alone.
    expect(JSON.stringify(detail.body)).not.toContain('48.85');
  });

  it('keeps audit entries when the account is deleted; deleted people are 404 to moderators', async () => {
    const person = await t.signup();
    await act(moderator.accessToken, person.user.id, 'suspend', { note: 'before deletion' });
    await act(moderator.accessToken, person.user.id, 'reinstate', { note: 'ok' });
    const again = await login(t, person.user.email);
    expect((await t.request('DELETE', '/users/me', { token: again.accessToken })).status).toBe(204);
    expect(
      (await t.request('GET', `/admin/users/${person.user.id}`, { token: moderator.accessToken }))
        .status,
    ).toBe(404);
    expect((await auditAbout(person.user.id)).map((e) => e.action)).toEqual([
      'user.reinstated',
      'user.suspended',
    ]);
    // Nothing, not even the database's owner through SQL, rewrites the log.
    await expect(
      t.app
        .get(DataSource)
        .query('DELETE FROM audit_log WHERE subject_user_id = $1', [person.user.id]),
    ).rejects.toThrow(/append-only/);
  });
});
