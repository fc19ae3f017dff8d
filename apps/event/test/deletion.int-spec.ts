import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import type {
  Envelope,
  EventRegistrationData,
  EventStateData,
  TopicEnvelope,
  Topic,
  EventData,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { KafkaConsumerTransport } from '@rendezvous/platform';
import type { KafkaCollector } from '@rendezvous/testing';
import {
  anEnvelope,
  collectMessages,
  silentLogger,
  testKafka,
  uniqueName,
  waitFor,
} from '@rendezvous/testing';
import type { Producer } from 'kafkajs';
import { UserEventsConsumer } from '../src/people/user-events.consumer';
import type { EventTestApp, Person } from './event-test-app';
import { anEvent, startEventApp } from './event-test-app';

interface EventBody {
  id: string;
  status: string;
  registeredCount: number;
  waitlistedCount: number;
}

describe('event service: user events and account deletion', () => {
  const kafka = testKafka();
  let t: EventTestApp;
  let transport: KafkaConsumerTransport;
  let producer: Producer;
  let published: KafkaCollector;

  beforeAll(async () => {
    t = await startEventApp();
    // The app's handlers on a transport in a group of its own, so an event service running on
    // this broker cannot take the test's messages.
    transport = new KafkaConsumerTransport({
      kafka,
      groupId: uniqueName('event-it'),
      logger: silentLogger,
      retries: 3,
      retryBaseMs: 50,
      retryMaxMs: 500,
      partitionsConsumedConcurrently: 3,
    });
    const users = t.app.get(UserEventsConsumer);
    transport.addHandler(
      TOPICS.USER_CREATED,
      (e: TopicEnvelope<'user.created'>) => users.onUserCreated(e),
      true,
    );
    transport.addHandler(
      TOPICS.USER_UPDATED,
      (e: TopicEnvelope<'user.updated'>) => users.onUserUpdated(e),
      true,
    );
    transport.addHandler(
      TOPICS.USER_DELETED,
      (e: TopicEnvelope<'user.deleted'>) => users.onUserDeleted(e),
      true,
    );
    await new Promise<void>((resolve, reject) =>
      transport.listen((error?: unknown) => (error ? reject(error as Error) : resolve())),
    );
    producer = kafka.producer();
    await producer.connect();
    published = await collectMessages(kafka, [
      TOPICS.EVENT_CANCELLED,
      TOPICS.EVENT_REGISTRATION_CANCELLED,
      TOPICS.EVENT_REGISTRATION_PROMOTED,
    ]);
  });

  afterAll(async () => {
    await transport.close();
    await producer.disconnect();
    await published.stop();
    await t.close();
  });

  const envelope = <T extends Topic>(
    type: T,
    aggregateId: string,
    version: number,
    data: EventData<T>,
  ) => anEnvelope(type, data, { aggregateId, version });
  const send = async (event: { type: string; aggregateId: string }, times = 1) => {
    const message = { key: event.aggregateId, value: JSON.stringify(event) };
    await producer.send({ topic: event.type, messages: Array(times).fill(message) });
  };
  /** Sends user.deleted twice (a redelivery) and returns once both copies were handled. */
  const deleteAccount = async (person: Person, version = 2) => {
    const deleted = envelope(TOPICS.USER_DELETED, person.id, version, {
      userId: person.id,
      deletedAt: new Date().toISOString(),
    });
    await send(deleted, 2);
    // Same key, same partition: once this later event is handled, both copies were.
    const marker = envelope(TOPICS.USER_DELETED, person.id, version, deleted.data);
    await send(marker);
    await processed(marker.id);
  };
  /** Waits until the app's inbox recorded an event (it was handled). */
  const processed = (eventId: string) =>
    waitFor(
      async () =>
        (await t.db.query('SELECT 1 FROM inbox WHERE event_id = $1', [eventId])).rowCount === 1,
      { message: `event ${eventId} handled`, timeoutMs: 30_000 },
    );
  const newEvent = async (organizer: Person, overrides: Record<string, unknown> = {}) =>
    (
      await t.request<EventBody>('POST', '/events', {
        token: organizer.token,
        body: anEvent(overrides),
      })
    ).body;
  const register = (eventId: string, who: Person) =>
    t.request('POST', `/events/${eventId}/registrations`, { token: who.token });
  const rows = async (eventId: string) =>
    (
      await t.db.query(
        'SELECT user_id, status FROM registrations WHERE event_id = $1 ORDER BY arrival',
        [eventId],
      )
    ).rows as { user_id: string; status: string }[];
  const ofEvent = <T>(type: string, eventId: string) =>
    published.messages
      .map((m) => m.json as Envelope<T & { eventId: string }>)
      .filter((e) => e.type === type && e.data.eventId === eventId);

  it('consumes user.created, user.updated and user.deleted through @EventPattern', () => {
    expect(
      Reflect.getMetadata(PATTERN_METADATA, UserEventsConsumer.prototype.onUserCreated),
    ).toEqual([TOPICS.USER_CREATED]);
    expect(
      Reflect.getMetadata(PATTERN_METADATA, UserEventsConsumer.prototype.onUserUpdated),
    ).toEqual([TOPICS.USER_UPDATED]);
    expect(
      Reflect.getMetadata(PATTERN_METADATA, UserEventsConsumer.prototype.onUserDeleted),
    ).toEqual([TOPICS.USER_DELETED]);
  });

  it('learns profiles from Kafka, applies only newer versions and keeps deleted people deleted', async () => {
    const organizer = await t.person();
    const event = await newEvent(organizer);
    const ada = await t.person({ known: false });
    await register(event.id, ada);
    const attendees = async () =>
      (
        await t.request<{ items: { name: string }[] }>('GET', `/events/${event.id}/attendees`, {
          token: organizer.token,
        })
      ).body.items.map((p) => p.name);

    const v4 = envelope(TOPICS.USER_UPDATED, ada.id, 4, t.userState(ada.id, 'Ada v4'));
    const v1 = envelope(TOPICS.USER_CREATED, ada.id, 1, t.userState(ada.id, 'Ada v1'));
    await send(v4);
    await send(v1);
    await processed(v1.id);
    expect(await attendees()).toEqual(['Ada v4']);
    const stored = await t.db.query('SELECT version FROM users WHERE id = $1', [ada.id]);
    expect(stored.rows).toEqual([{ version: 4 }]);

    await deleteAccount(ada, 5);
    expect(await attendees()).toEqual([]);
    const resurrection = envelope(TOPICS.USER_UPDATED, ada.id, 9, t.userState(ada.id, 'Again'));
    await send(resurrection);
    await processed(resurrection.id);
    const tombstone = await t.db.query('SELECT profile, deleted_at FROM users WHERE id = $1', [
      ada.id,
    ]);
    expect(tombstone.rows[0]).toMatchObject({ profile: null, deleted_at: expect.any(Date) });
    expect(await attendees()).toEqual([]);
  });

  it('removes a deleted attendee’s registrations and promotes whoever waits, once however often the event arrives', async () => {
    const organizer = await t.person();
    const [leaving, waiting, alsoWaiting] = [await t.person(), await t.person(), await t.person()];
    const full = await newEvent(organizer, { capacity: 1 });
    const other = await newEvent(organizer, { capacity: 5 });
    await register(full.id, leaving);
    await register(full.id, waiting);
    await register(full.id, alsoWaiting);
    await register(other.id, leaving);

    await deleteAccount(leaving);
    expect(await rows(full.id)).toEqual([
      { user_id: waiting.id, status: 'registered' },
      { user_id: alsoWaiting.id, status: 'waitlisted' },
    ]);
    expect(await rows(other.id)).toEqual([]);
    const read = await t.request<EventBody>('GET', `/events/${full.id}`, {
      token: organizer.token,
    });
    expect(read.body).toMatchObject({ registeredCount: 1, waitlistedCount: 1 });

    const promoted = await waitFor(
      () => {
        const found = ofEvent<EventRegistrationData>(TOPICS.EVENT_REGISTRATION_PROMOTED, full.id);
        return found.length > 0 ? found : undefined;
      },
      { message: 'the promotion' },
    );
    const cancelled = await waitFor(
      () => {
        const found = [full.id, other.id].flatMap((id) =>
          ofEvent<EventRegistrationData>(TOPICS.EVENT_REGISTRATION_CANCELLED, id),
        );
        return found.length >= 2 ? found : undefined;
      },
      { message: 'both registrations announced cancelled' },
    );
    expect(promoted.map((e) => [e.data.userId, e.recipientIds])).toEqual([
      [waiting.id, [waiting.id]],
    ]);
    expect(cancelled.map((e) => [e.data.userId, e.data.status, e.aggregateVersion])).toEqual([
      [leaving.id, 'cancelled', 2],
      [leaving.id, 'cancelled', 2],
    ]);
    // Handled twice, removed once: one promotion, one cancellation for this event.
    expect(ofEvent(TOPICS.EVENT_REGISTRATION_PROMOTED, full.id)).toHaveLength(1);
    expect(ofEvent(TOPICS.EVENT_REGISTRATION_CANCELLED, full.id)).toHaveLength(1);
  });

  it('cancels the future events a deleted person organizes, notifying everyone registered or waiting', async () => {
    const organizer = await t.person();
    const [ada, bob] = [await t.person(), await t.person()];
    const future = await newEvent(organizer, { capacity: 1 });
    const started = await newEvent(organizer);
    await register(future.id, ada);
    await register(future.id, bob);
    await register(started.id, ada);
    await t.db.query(`UPDATE events SET starts_at = now() - interval '30 minutes' WHERE id = $1`, [
      started.id,
    ]);

    await deleteAccount(organizer);
    const notices = await waitFor(
      () => {
        const found = ofEvent<EventStateData>(TOPICS.EVENT_CANCELLED, future.id);
        return found.length > 0 ? found : undefined;
      },
      { message: 'event.cancelled', timeoutMs: 30_000 },
    );
    expect(notices).toHaveLength(1);
    expect(notices[0].recipientIds).toEqual([ada.id, bob.id]);
    expect(notices[0].data).toMatchObject({ organizerId: organizer.id, status: 'cancelled' });
    const read = async (id: string) =>
      (await t.request<EventBody>('GET', `/events/${id}`, { token: ada.token })).body.status;
    expect(await read(future.id)).toBe('cancelled');
    expect(await read(started.id)).toBe('scheduled');
    expect(ofEvent(TOPICS.EVENT_CANCELLED, started.id)).toEqual([]);
  });
});
