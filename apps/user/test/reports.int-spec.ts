import { randomUUID } from 'node:crypto';
import type { Topic } from '@rendezvous/contracts';
import { COMMON_ERRORS, MODERATION_ERRORS, TOPICS, USER_ERRORS } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import { anEnvelope, collectMessages, testKafka, uniqueName, waitFor } from '@rendezvous/testing';
import type { Page, Problem } from './moderation-people';
import { PASSWORD, staffMember } from './moderation-people';
import type { AuthResponse, UserTestApp } from './user-test-app';
import { startUserApp } from './user-test-app';

interface OwnReport {
  id: string;
  subjectUserId: string;
  reason: string;
  status: string;
  createdAt: string;
}

interface QueueItem extends OwnReport {
  reporterId: string;
  details: string | null;
  context: { type: string; id?: string } | null;
  decidedAt: string | null;
  decidedBy: string | null;
  action: string | null;
  subjectOpenReports: number;
  autoHidden: boolean;
}

interface AuditEntry {
  actorId: string;
  action: string;
  subjectUserId?: string;
  objectId?: string;
  note?: string;
}

const PER_DAY = 4;

describe('user service: reports and decisions', () => {
  const bossEmail = `${uniqueName('boss')}@example.com`;
  let t: UserTestApp;
  let events: KafkaCollector;
  let admin: AuthResponse;
  let moderator: AuthResponse;

  beforeAll(async () => {
    t = await startUserApp({ ADMIN_EMAILS: bossEmail, REPORTS_PER_DAY: String(PER_DAY) });
    events = await collectMessages(testKafka(), [
      TOPICS.REPORT_CREATED,
      TOPICS.REPORT_DECIDED,
      TOPICS.USER_STATUS_CHANGED,
      TOPICS.USER_BLOCKED,
    ]);
    admin = await t.signup({ email: bossEmail });
    moderator = await staffMember(t, admin, 'moderator');
  });

  afterAll(async () => {
    await events.stop();
    await t.close();
  });

  const eventsOf = <T extends Topic>(type: T, aggregateId: string) =>
    events.envelopes(type, aggregateId);

  const report = (reporter: AuthResponse, subjectUserId: string, extra: object = {}) =>
    t.request<OwnReport & Problem>('POST', '/reports', {
      token: reporter.accessToken,
      body: { subjectUserId, reason: 'harassment', ...extra },
    });

  const queue = async (query: string, token = moderator.accessToken) =>
    (await t.request<Page<QueueItem>>('GET', `/admin/reports?${query}`, { token })).body;

  const decide = (token: string, reportId: string, body: object) =>
    t.request<QueueItem & Problem>('POST', `/admin/reports/${reportId}/decision`, { token, body });

  const audit = async (query: string) =>
    (
      await t.request<Page<AuditEntry>>('GET', `/admin/audit?${query}`, {
        token: admin.accessToken,
      })
    ).body.items;

  describe('filing', () => {
    it('files a report, blocks the subject and tells every moderator and admin', async () => {
      const reporter = await t.signup();
      const subject = await t.signup();
      const filed = await report(reporter, subject.user.id, {
        details: 'He wrote: you stupid bitch',
        context: { type: 'match', id: randomUUID() },
      });
      expect(filed.status).toBe(201);
      expect(Object.keys(filed.body).sort()).toEqual(
        ['createdAt', 'id', 'reason', 'status', 'subjectUserId'].sort(),
      );
      expect(filed.body).toMatchObject({ subjectUserId: subject.user.id, status: 'open' });

      const blocks = await t.request<Page<{ userId: string }>>('GET', '/users/me/blocks', {
        token: reporter.accessToken,
      });
      expect(blocks.body.items.map((b) => b.userId)).toEqual([subject.user.id]);
      const profile = await t.request('GET', `/users/${reporter.user.id}`, {
        token: subject.accessToken,
      });
      expect(profile.status).toBe(404);

      const created = await waitFor(() => eventsOf(TOPICS.REPORT_CREATED, filed.body.id)[0], {
        message: 'report.created',
      });
      expect(created.recipientIds).toEqual(
        expect.arrayContaining([admin.user.id, moderator.user.id]),
      );
      expect(created.recipientIds).not.toContain(subject.user.id);
      expect(created.data).toMatchObject({
        reporterId: reporter.user.id,
        subjectUserId: subject.user.id,
        reason: 'harassment',
        subjectOpenReports: 1,
      });
      await waitFor(() => eventsOf(TOPICS.USER_BLOCKED, reporter.user.id).length > 0, {
        message: 'user.blocked',
      });
    });

    it('refuses self (naming subjectUserId), unknown people and a second open report', async () => {
      const reporter = await t.signup();
      const self = await report(reporter, reporter.user.id);
      expect(self.status).toBe(400);
      expect(self.body.errors?.map((e) => e.path)).toEqual(['subjectUserId']);
      const unknown = await report(reporter, randomUUID());
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe(USER_ERRORS.USER_NOT_FOUND);

      const subject = await t.signup();
      expect((await report(reporter, subject.user.id, { block: false })).status).toBe(201);
      const blocks = await t.request<Page<unknown>>('GET', '/users/me/blocks', {
        token: reporter.accessToken,
      });
      expect(blocks.body.items).toEqual([]);
      const twice = await report(reporter, subject.user.id, { reason: 'spam' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe(MODERATION_ERRORS.REPORT_ALREADY_OPEN);

      const bad = await t.request<Problem>('POST', '/reports', {
        token: reporter.accessToken,
        body: {
          subjectUserId: subject.user.id,
          reason: 'rude',
          details: 'x'.repeat(2001),
          context: { type: 'dm' },
          block: 'yes',
          extra: 1,
        },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(
        ['block', 'context.type', 'details', 'extra', 'reason'].sort(),
      );
    });

    it('files even when the subject blocked the reporter or was blocked already', async () => {
      const reporter = await t.signup();
      const subject = await t.signup();
      await t.request('POST', '/users/me/blocks', {
        token: subject.accessToken,
        body: { userId: reporter.user.id },
      });
      await t.request('POST', '/users/me/blocks', {
        token: reporter.accessToken,
        body: { userId: subject.user.id },
      });
      expect((await report(reporter, subject.user.id)).status).toBe(201);
    });

    it('files two people’s reports on each other at once, each blocking the other', async () => {
      for (let round = 0; round < 5; round += 1) {
        const [a, b] = await Promise.all([t.signup(), t.signup()]);
        const filed = await Promise.all([report(a, b.user.id), report(b, a.user.id)]);
        expect(filed.map((f) => f.status)).toEqual([201, 201]);
      }
    });

    it('refuses a suspended subject as unknown', async () => {
      const reporter = await t.signup();
      const subject = await t.signup();
      await t.request('POST', `/admin/users/${subject.user.id}/suspend`, {
        token: moderator.accessToken,
        body: { note: 'n' },
      });
      expect((await report(reporter, subject.user.id)).status).toBe(404);
    });

    it(`allows ${PER_DAY} reports a UTC day, then 429 with Retry-After to midnight`, async () => {
      const reporter = await t.signup();
      const subjects = await Promise.all(Array.from({ length: PER_DAY + 1 }, () => t.signup()));
      // Refused reports do not count.
      expect((await report(reporter, reporter.user.id)).status).toBe(400);
      expect((await report(reporter, subjects[0].user.id, { block: false })).status).toBe(201);
      expect((await report(reporter, subjects[0].user.id)).status).toBe(409);
      for (const subject of subjects.slice(1, PER_DAY)) {
        expect((await report(reporter, subject.user.id, { block: false })).status).toBe(201);
      }
      const limited = await report(reporter, subjects[PER_DAY].user.id);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe(MODERATION_ERRORS.REPORT_LIMIT);
      const now = new Date();
      const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
      const retryAfter = Number(limited.headers['retry-after']);
      expect(Math.abs(retryAfter - (midnight - now.getTime()) / 1000)).toBeLessThan(5);
      // Nothing of the refused report stayed: no report, no block.
      const mine = await t.request<Page<OwnReport>>('GET', '/reports/mine', {
        token: reporter.accessToken,
      });
      expect(mine.body.items).toHaveLength(PER_DAY);
      const blocks = await t.request<Page<unknown>>('GET', '/users/me/blocks', {
        token: reporter.accessToken,
      });
      expect(blocks.body.items).toEqual([]);
    });
  });

  describe('queue and decisions', () => {
    it('pages the open queue oldest first, filtered by subject and reason', async () => {
      const subject = await t.signup();
      const reporters = [await t.signup(), await t.signup()];
      const first = await report(reporters[0], subject.user.id, { reason: 'spam' });
      const second = await report(reporters[1], subject.user.id, {
        reason: 'scam',
        details: 'asked for money',
        context: { type: 'profile' },
      });
      const page = await queue(`subjectUserId=${subject.user.id}&limit=1`);
      expect(page.items.map((r) => r.id)).toEqual([first.body.id]);
      const next = await queue(
        `subjectUserId=${subject.user.id}&limit=1&cursor=${page.nextCursor}`,
      );
      expect(next.items).toEqual([
        {
          id: second.body.id,
          reporterId: reporters[1].user.id,
          subjectUserId: subject.user.id,
          reason: 'scam',
          details: 'asked for money',
          context: { type: 'profile' },
          status: 'open',
          createdAt: second.body.createdAt,
          decidedAt: null,
          decidedBy: null,
          action: null,
          subjectOpenReports: 2,
          autoHidden: false,
        },
      ]);
      expect(next.nextCursor).toBeNull();
      const scams = await queue(`subjectUserId=${subject.user.id}&reason=scam`);
      expect(scams.items.map((r) => r.id)).toEqual([second.body.id]);
      expect((await queue(`subjectUserId=${subject.user.id}&status=dismissed`)).items).toEqual([]);
      const bad = await t.request<Problem>('GET', '/admin/reports?status=closed&cursor=x', {
        token: moderator.accessToken,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(['status']);
    });

    it('lets exactly one of two moderators decide a report at once, with one audit entry', async () => {
      const other = await staffMember(t, admin, 'moderator');
      const subject = await t.signup();
      const filed = await report(await t.signup(), subject.user.id);
      const answers = await Promise.all([
        decide(moderator.accessToken, filed.body.id, { action: 'dismiss', note: 'first' }),
        decide(other.accessToken, filed.body.id, { action: 'warn', note: 'second' }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const loser = answers.find((a) => a.status === 409);
      expect(loser?.body.code).toBe(MODERATION_ERRORS.REPORT_ALREADY_DECIDED);
      const entries = await audit(`subjectUserId=${subject.user.id}`);
      expect(entries).toHaveLength(1);
      expect(entries[0].objectId).toBe(filed.body.id);
      const later = await decide(admin.accessToken, filed.body.id, {
        action: 'dismiss',
        note: 'late',
      });
      expect(later.status).toBe(409);
    });

    it('warns (telling only the subject), dismisses, and never shows the decision to the reporter', async () => {
      const reporter = await t.signup();
      const subject = await t.signup();
      const warned = await report(reporter, subject.user.id);
      const decided = await decide(moderator.accessToken, warned.body.id, {
        action: 'warn',
        note: 'first warning',
      });
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({
        id: warned.body.id,
        status: 'actioned',
        action: 'warn',
        decidedBy: moderator.user.id,
        decidedAt: expect.any(String) as unknown,
      });
      const event = await waitFor(() => eventsOf(TOPICS.REPORT_DECIDED, warned.body.id)[0], {
        message: 'report.decided',
      });
      expect(event.recipientIds).toEqual([subject.user.id]);
      expect(event.data).toMatchObject({
        action: 'warn',
        status: 'actioned',
        reason: 'harassment',
      });

      const other = await t.signup();
      const dismissedReport = await report(reporter, other.user.id);
      const dismissed = await decide(moderator.accessToken, dismissedReport.body.id, {
        action: 'dismiss',
        note: 'not abuse',
      });
      expect(dismissed.body.status).toBe('dismissed');
      const dismissedEvent = await waitFor(
        () => eventsOf(TOPICS.REPORT_DECIDED, dismissedReport.body.id)[0],
        { message: 'report.decided for the dismissal' },
      );
      expect(dismissedEvent.recipientIds).toBeUndefined();

      const mine = await t.request<Page<Record<string, unknown>>>('GET', '/reports/mine', {
        token: reporter.accessToken,
      });
      expect(mine.body.items.map((r) => [r['id'], r['status']])).toEqual([
        [dismissedReport.body.id, 'dismissed'],
        [warned.body.id, 'actioned'],
      ]);
      for (const item of mine.body.items) {
        expect(Object.keys(item).sort()).toEqual(
          ['createdAt', 'id', 'reason', 'status', 'subjectUserId'].sort(),
        );
      }
      expect((await audit(`subjectUserId=${subject.user.id}`)).map((e) => e.action)).toEqual([
        'report.warned',
      ]);
    });

    it('suspends through a decision: one report.suspended entry, the subject cannot log in', async () => {
      const subject = await t.signup();
      const filed = await report(await t.signup(), subject.user.id);
      const withDuration = await decide(moderator.accessToken, filed.body.id, {
        action: 'warn',
        durationHours: 2,
        note: 'n',
      });
      expect(withDuration.status).toBe(400);
      expect(withDuration.body.errors?.map((e) => e.path)).toEqual(['durationHours']);
      const noNote = await decide(moderator.accessToken, filed.body.id, { action: 'dismiss' });
      expect(noNote.body.errors?.map((e) => e.path)).toEqual(['note']);
      const ban = await decide(moderator.accessToken, filed.body.id, { action: 'ban', note: 'n' });
      expect(ban.status).toBe(403);

      const suspended = await decide(moderator.accessToken, filed.body.id, {
        action: 'suspend',
        durationHours: 48,
        note: 'two days off',
      });
      expect(suspended.status).toBe(200);
      expect(suspended.body).toMatchObject({ status: 'actioned', action: 'suspend' });
      const login = await t.request<Problem>('POST', '/auth/login', {
        body: { email: subject.user.email, password: PASSWORD },
      });
      expect(login.status).toBe(403);
      expect(login.body.accountStatus).toBe('suspended');
      expect(Date.parse(login.body.suspendedUntil ?? '')).toBeGreaterThan(
        Date.now() + 47 * 3_600_000,
      );
      expect(await audit(`subjectUserId=${subject.user.id}`)).toEqual([
        expect.objectContaining({
          action: 'report.suspended',
          actorId: moderator.user.id,
          objectId: filed.body.id,
          note: 'two days off',
        }),
      ]);
      const status = await waitFor(
        () =>
          eventsOf(TOPICS.USER_STATUS_CHANGED, subject.user.id).find(
            (e) => e.data.status === 'suspended',
          ),
        { message: 'user.status_changed for the suspension' },
      );
      expect(status.data.suspendedUntil).toBe(login.body.suspendedUntil);
    });

    it('refuses warnings about admins and moderators to moderators, dismissals pass', async () => {
      const otherModerator = await staffMember(t, admin, 'moderator');
      const aboutModerator = await report(await t.signup(), otherModerator.user.id);
      const aboutAdmin = await report(await t.signup(), admin.user.id);
      const warnModerator = await decide(moderator.accessToken, aboutModerator.body.id, {
        action: 'warn',
        note: 'n',
      });
      expect(warnModerator.status).toBe(403);
      expect(warnModerator.body.code).toBe(COMMON_ERRORS.FORBIDDEN);
      const suspendAdmin = await decide(admin.accessToken, aboutAdmin.body.id, {
        action: 'suspend',
        note: 'n',
      });
      expect(suspendAdmin.status).toBe(403);
      const dismiss = await decide(moderator.accessToken, aboutAdmin.body.id, {
        action: 'dismiss',
        note: 'n',
      });
      expect(dismiss.status).toBe(200);
      // The report about the admin was not shown to them.
      const created = await waitFor(() => eventsOf(TOPICS.REPORT_CREATED, aboutAdmin.body.id)[0], {
        message: 'report.created about the admin',
      });
      expect(created.recipientIds).not.toContain(admin.user.id);
      expect(created.recipientIds).toContain(moderator.user.id);
    });
  });

  describe('auto-hide', () => {
    const hiddenEvents = (userId: string) => eventsOf(TOPICS.USER_STATUS_CHANGED, userId);

    it('hides someone reported by three people until a decision, and not below that', async () => {
      const subject = await t.signup();
      const reporters = [await t.signup(), await t.signup(), await t.signup()];
      // The same person twice does not count twice.
      await report(reporters[0], subject.user.id, { block: false });
      const firstDecided = await queue(`subjectUserId=${subject.user.id}`);
      await decide(moderator.accessToken, firstDecided.items[0].id, {
        action: 'dismiss',
        note: 'n',
      });
      await report(reporters[0], subject.user.id, { block: false });
      await report(reporters[1], subject.user.id, { block: false });
      const below = await queue(`subjectUserId=${subject.user.id}`);
      expect(below.items.map((r) => r.autoHidden)).toEqual([false, false]);

      await report(reporters[2], subject.user.id, { block: false });
      const hidden = await queue(`subjectUserId=${subject.user.id}`);
      expect(hidden.items.map((r) => [r.autoHidden, r.subjectOpenReports])).toEqual([
        [true, 3],
        [true, 3],
        [true, 3],
      ]);
      const hideEvent = await waitFor(
        () => hiddenEvents(subject.user.id).find((e) => e.data.hidden),
        { message: 'user.status_changed with hidden true' },
      );
      expect(hideEvent.data.status).toBe('active');
      // Nothing else changes for them until a decision.
      expect((await t.request('GET', '/users/me', { token: subject.accessToken })).status).toBe(
        200,
      );
      expect(
        (await t.request('GET', `/users/${subject.user.id}`, { token: reporters[0].accessToken }))
          .status,
      ).toBe(200);

      const decided = await decide(moderator.accessToken, hidden.items[0].id, {
        action: 'warn',
        note: 'n',
      });
      expect(decided.body.autoHidden).toBe(false);
      const rest = await queue(`subjectUserId=${subject.user.id}`);
      expect(rest.items.map((r) => [r.autoHidden, r.subjectOpenReports])).toEqual([
        [false, 2],
        [false, 2],
      ]);
      const shown = await waitFor(
        () =>
          hiddenEvents(subject.user.id).find(
            (e) => !e.data.hidden && e.aggregateVersion > hideEvent.aggregateVersion,
          ),
        { message: 'user.status_changed with hidden false after the decision' },
      );
      expect(shown.data.status).toBe('active');
    });

    it('counts concurrent reports without missing the threshold', async () => {
      const subject = await t.signup();
      const reporters = await Promise.all([t.signup(), t.signup(), t.signup()]);
      const filed = await Promise.all(reporters.map((r) => report(r, subject.user.id)));
      expect(filed.map((f) => f.status)).toEqual([201, 201, 201]);
      const items = (await queue(`subjectUserId=${subject.user.id}`)).items;
      expect(items.map((r) => r.autoHidden)).toEqual([true, true, true]);
    });
  });

  describe('audit', () => {
    it('appends audit.recorded once however often it is delivered; moderators cannot read it', async () => {
      const actorId = randomUUID();
      const eventId = randomUUID();
      const event = anEnvelope(
        TOPICS.AUDIT_RECORDED,
        {
          actorId,
          action: 'event.cancelled',
          subjectUserId: randomUUID(),
          objectId: eventId,
          note: 'venue closed',
          at: new Date().toISOString(),
        },
        { aggregateId: eventId, source: 'event' },
      );
      await t.deliver(event);
      await t.deliver(event);
      const entries = await audit(`actorId=${actorId}`);
      expect(entries).toEqual([
        {
          id: event.id,
          actorId,
          action: 'event.cancelled',
          subjectUserId: event.data.subjectUserId,
          objectId: eventId,
          note: 'venue closed',
          at: event.data.at,
        },
      ]);
      const withoutOptionals = anEnvelope(TOPICS.AUDIT_RECORDED, {
        actorId,
        action: 'model.trained',
        at: new Date().toISOString(),
      });
      await t.deliver(withoutOptionals);
      const [newest] = await audit(`actorId=${actorId}&action=model.trained`);
      expect(Object.keys(newest).sort()).toEqual(['action', 'actorId', 'at', 'id']);

      const forModerator = await t.request('GET', '/admin/audit', { token: moderator.accessToken });
      expect(forModerator.status).toBe(403);
      for (const method of ['DELETE', 'PATCH', 'PUT'] as const) {
        const change = await t.request(method, `/admin/audit/${event.id}`, {
          token: admin.accessToken,
        });
        expect(change.status).toBe(404);
      }
      expect(await audit(`actorId=${actorId}&action=event.cancelled`)).toHaveLength(1);
    });
  });
});
