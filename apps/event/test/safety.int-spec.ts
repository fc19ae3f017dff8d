import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type {
  AuditRecordedData,
  Envelope,
  EventRegistrationData,
  EventStateData,
} from '@rendezvous/contracts';
import { AUTH_ERRORS, EVENT_ERRORS, TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import { collectMessages, testKafka, waitFor } from '@rendezvous/testing';
import { UserEventsConsumer } from '../src/people/user-events.consumer';
import type { EventTestApp, Person, Problem } from './event-test-app';
import { anEvent, startEventApp } from './event-test-app';

interface EventBody {
  id: string;
  status: string;
  registeredCount: number;
  waitlistedCount: number;
}

const TOPICS_SEEN = [
  TOPICS.EVENT_CANCELLED,
  TOPICS.EVENT_REGISTRATION_CANCELLED,
  TOPICS.EVENT_REGISTRATION_PROMOTED,
  TOPICS.AUDIT_RECORDED,
];

describe('event service: suspensions, bans and moderation', () => {
  const kafka = testKafka();
  let t: EventTestApp;
  let published: KafkaCollector;

  beforeAll(async () => {
    t = await startEventApp();
    published = await collectMessages(kafka, TOPICS_SEEN);
  });

  afterAll(async () => {
    await published.stop();
    await t.close();
  });

  const newEvent = async (organizer: Person, overrides: Record<string, unknown> = {}) =>
    (
      await t.request<EventBody>('POST', '/events', {
        token: organizer.token,
        body: anEvent(overrides),
      })
    ).body;
  const register = (eventId: string, who: Person) =>
    t.request('POST', `/events/${eventId}/registrations`, { token: who.token });
  const attendees = async (eventId: string, who: Person) =>
    (
      await t.request<{ items: { name: string }[] }>('GET', `/events/${eventId}/attendees`, {
        token: who.token,
      })
    ).body.items.map((p) => p.name);
  const read = async (eventId: string, who: Person) =>
    (await t.request<EventBody>('GET', `/events/${eventId}`, { token: who.token })).body;
  const registrations = async (eventId: string) =>
    (
      await t.db.query(
        'SELECT user_id, status FROM registrations WHERE event_id = $1 ORDER BY arrival',
        [eventId],
      )
    ).rows as { user_id: string; status: string }[];
  const cancel = (eventId: string, who: Person, body?: unknown) =>
    t.request<Problem>('DELETE', `/events/${eventId}`, { token: who.token, body });
  const ofEvent = <T>(type: string, eventId: string) =>
    published.messages
      .map((m) => m.json as Envelope<T & { eventId?: string; objectId?: string }>)
      .filter((e) => e.type === type && (e.data.eventId ?? e.data.objectId) === eventId);

  /** Once everything the app wrote has reached the collector: counts are then final. */
  const drained = async () => {
    await waitFor(async () => (await t.db.query('SELECT 1 FROM outbox LIMIT 1')).rowCount === 0, {
      message: 'an empty outbox',
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      for (const topic of TOPICS_SEEN) {
        for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
          await waitFor(
            () =>
              Number(high) === 0 ||
              published.messages.some(
                (m) =>
                  m.topic === topic &&
                  m.partition === partition &&
                  Number(m.message.offset) >= Number(high) - 1,
              ),
            { message: `${topic}[${partition}] up to ${high}` },
          );
        }
      }
    } finally {
      await admin.disconnect();
    }
  };

  it('consumes user.status_changed through @EventPattern', () => {
    expect(
      Reflect.getMetadata(PATTERN_METADATA, UserEventsConsumer.prototype.onUserStatusChanged),
    ).toEqual([TOPICS.USER_STATUS_CHANGED]);
  });

  describe('suspension', () => {
    it('hides a suspended attendee from the attendee list, keeping their seat, until reinstated', async () => {
      const organizer = await t.person();
      const [ada, bob] = [await t.person({ name: 'Ada' }), await t.person({ name: 'Bob' })];
      const event = await newEvent(organizer, { capacity: 2 });
      await register(event.id, ada);
      await register(event.id, bob);

      await t.setStatus(bob.id, 'suspended', 2);
      expect(await attendees(event.id, organizer)).toEqual(['Ada']);
      expect(await attendees(event.id, ada)).toEqual(['Ada']);
      expect(await read(event.id, organizer)).toMatchObject({
        registeredCount: 2,
        waitlistedCount: 0,
      });

      await t.setStatus(bob.id, 'active', 3);
      expect(await attendees(event.id, organizer)).toEqual(['Ada', 'Bob']);
    });

    it('shows the person again once a timed suspension has ended, with no event', async () => {
      const organizer = await t.person();
      const ada = await t.person({ name: 'Ada' });
      const event = await newEvent(organizer);
      await register(event.id, ada);
      const soon = new Date(Date.now() + 1_500).toISOString();
      await t.setStatus(ada.id, 'suspended', 2, soon);
      expect(await attendees(event.id, organizer)).toEqual([]);
      await waitFor(async () => (await attendees(event.id, organizer)).includes('Ada'), {
        message: 'the suspension to end',
      });
    });

    it('refuses a suspended person’s token at the service with 401 AUTH.ACCOUNT_SUSPENDED until reinstated', async () => {
      const ada = await t.person();
      const until = new Date(Date.now() + 3_600_000).toISOString();
      await t.setStatus(ada.id, 'suspended', 2, until);
      const refused = await t.request<Problem & Record<string, unknown>>('POST', '/events', {
        token: ada.token,
        body: anEvent(),
      });
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({
        code: AUTH_ERRORS.ACCOUNT_SUSPENDED,
        accountStatus: 'suspended',
        suspendedUntil: until,
      });
      expect((await t.request('GET', '/events', { token: ada.token })).status).toBe(401);

      await t.setStatus(ada.id, 'banned', 3);
      const banned = await t.request<Problem & Record<string, unknown>>('GET', '/events', {
        token: ada.token,
      });
      expect(banned.status).toBe(401);
      expect(banned.body).toMatchObject({
        code: AUTH_ERRORS.ACCOUNT_SUSPENDED,
        accountStatus: 'banned',
      });

      await t.setStatus(ada.id, 'active', 4);
      expect(
        (await t.request('POST', '/events', { token: ada.token, body: anEvent() })).status,
      ).toBe(201);
    });

    it('cancels nothing: a suspended organizer’s events and a suspended attendee’s places stay', async () => {
      const organizer = await t.person();
      const [ada, bob] = [await t.person(), await t.person()];
      const own = await newEvent(organizer);
      await register(own.id, ada);
      const other = await newEvent(ada, { capacity: 1 });
      await register(other.id, organizer);
      await register(other.id, bob);

      await t.setStatus(organizer.id, 'suspended', 2);
      expect((await read(own.id, ada)).status).toBe('scheduled');
      expect(await registrations(other.id)).toEqual([
        { user_id: organizer.id, status: 'registered' },
        { user_id: bob.id, status: 'waitlisted' },
      ]);
    });
  });

  describe('ban', () => {
    it('cancels the person’s places, promoting whoever waits, and the future events they organize, telling everyone', async () => {
      const [banned, ada, bob, host] = [
        await t.person(),
        await t.person(),
        await t.person(),
        await t.person(),
      ];
      const full = await newEvent(host, { capacity: 1 });
      await register(full.id, banned);
      await register(full.id, ada);
      const organized = await newEvent(banned, { capacity: 1 });
      await register(organized.id, ada);
      await register(organized.id, bob);
      const started = await newEvent(banned);
      await register(started.id, bob);
      await t.db.query(
        `UPDATE events SET starts_at = now() - interval '30 minutes' WHERE id = $1`,
        [started.id],
      );

      await t.setStatus(banned.id, 'banned', 2);
      // Kept, cancelled: a ban keeps the person's data.
      expect(await registrations(full.id)).toEqual([
        { user_id: banned.id, status: 'cancelled' },
        { user_id: ada.id, status: 'registered' },
      ]);
      expect(await read(full.id, ada)).toMatchObject({ registeredCount: 1, waitlistedCount: 0 });
      expect((await read(organized.id, ada)).status).toBe('cancelled');
      expect((await read(started.id, bob)).status).toBe('scheduled');

      // A later status event while still banned (say, the role) cancels nothing again.
      await t.setStatus(banned.id, 'banned', 3);
      await drained();
      const notices = ofEvent<EventStateData>(TOPICS.EVENT_CANCELLED, organized.id);
      expect(notices.map((e) => e.recipientIds)).toEqual([[ada.id, bob.id]]);
      expect(ofEvent(TOPICS.EVENT_CANCELLED, started.id)).toEqual([]);
      const promoted = ofEvent<EventRegistrationData>(TOPICS.EVENT_REGISTRATION_PROMOTED, full.id);
      expect(promoted.map((e) => [e.data.userId, e.recipientIds])).toEqual([[ada.id, [ada.id]]]);
      const left = ofEvent<EventRegistrationData>(TOPICS.EVENT_REGISTRATION_CANCELLED, full.id);
      expect(left.map((e) => [e.data.userId, e.data.status])).toEqual([[banned.id, 'cancelled']]);
      // Only the moderators' own cancellations are audited; a ban's effects are not actions.
      expect(ofEvent(TOPICS.AUDIT_RECORDED, organized.id)).toEqual([]);
    });
  });

  describe('cancellation by a moderator or admin', () => {
    it('cancels anyone’s event with a note, tells everyone, and audits it exactly once', async () => {
      const [organizer, ada] = [await t.person(), await t.person()];
      const moderator = await t.person({ role: 'moderator' });
      const event = await newEvent(organizer);
      await register(event.id, ada);
      // Notes are not word-filtered: moderators quote what was written.
      const note = 'Spam event; the description said "fuck off"';

      const cancelled = await cancel(event.id, moderator, { note });
      expect(cancelled.status).toBe(204);
      expect((await read(event.id, ada)).status).toBe('cancelled');
      expect((await cancel(event.id, moderator, { note })).status).toBe(204);

      await drained();
      const audits = ofEvent<AuditRecordedData>(TOPICS.AUDIT_RECORDED, event.id);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ source: 'event', aggregateId: event.id });
      expect(audits[0].data).toEqual({
        actorId: moderator.id,
        action: 'event.cancelled',
        subjectUserId: organizer.id,
        objectId: event.id,
        note,
        at: expect.any(String),
      });
      const notices = ofEvent<EventStateData>(TOPICS.EVENT_CANCELLED, event.id);
      expect(notices.map((e) => e.recipientIds)).toEqual([[ada.id]]);
    });

    it('lets an admin cancel without a body, and audits no organizer cancelling their own event', async () => {
      const organizer = await t.person();
      const admin = await t.person({ role: 'admin' });
      const theirs = await newEvent(organizer);
      const own = await newEvent(admin);
      const mine = await newEvent(organizer);

      expect((await cancel(theirs.id, admin)).status).toBe(204);
      expect((await cancel(own.id, admin, { note: 'Rained off' })).status).toBe(204);
      expect((await cancel(mine.id, organizer, { note: 'Venue closed' })).status).toBe(204);

      await drained();
      const audits = ofEvent<AuditRecordedData>(TOPICS.AUDIT_RECORDED, theirs.id);
      expect(audits.map((e) => e.data)).toEqual([
        {
          actorId: admin.id,
          action: 'event.cancelled',
          subjectUserId: organizer.id,
          objectId: theirs.id,
          at: expect.any(String),
        },
      ]);
      expect(ofEvent(TOPICS.AUDIT_RECORDED, own.id)).toEqual([]);
      expect(ofEvent(TOPICS.AUDIT_RECORDED, mine.id)).toEqual([]);
    });

    it('refuses anyone else with 403, note or not', async () => {
      const [organizer, bob] = [await t.person(), await t.person()];
      const event = await newEvent(organizer);
      for (const body of [undefined, { note: 'Looks fake' }]) {
        const refused = await cancel(event.id, bob, body);
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe(EVENT_ERRORS.NOT_ORGANIZER);
      }
      expect((await read(event.id, bob)).status).toBe('scheduled');
    });

    it('refuses a note that is empty, over 2000 characters, null or not text, naming note', async () => {
      const organizer = await t.person();
      const moderator = await t.person({ role: 'moderator' });
      const event = await newEvent(organizer);
      for (const note of ['', 'x'.repeat(2001), null, 42]) {
        const refused = await cancel(event.id, moderator, { note });
        expect(refused.status).toBe(400);
        expect(refused.body.errors?.map((e) => e.path)).toEqual(['note']);
      }
      const unknown = await cancel(event.id, moderator, { reason: 'spam' });
      expect(unknown.status).toBe(400);
      expect((await read(event.id, organizer)).status).toBe('scheduled');
      expect((await cancel(event.id, moderator, { note: 'x'.repeat(2000) })).status).toBe(204);
    });

    it('documents the optional DELETE body in OpenAPI', () => {
      const document = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
      const operation = document.paths['/api/v1/events/{id}']?.delete;
      expect(operation?.requestBody).toMatchObject({
        required: false,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/CancelEventDto' } },
        },
      });
      expect(document.components?.schemas?.['CancelEventDto']).toMatchObject({
        properties: { note: { type: 'string', minLength: 1, maxLength: 2000 } },
      });
    });
  });
});
