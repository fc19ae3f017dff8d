import { randomUUID } from 'node:crypto';
import type { components } from '@rendezvous/api-client';
import { testKafka, waitFor } from '@rendezvous/testing';
import type { Producer } from 'kafkajs';
import type { Person } from './support/api-client';
import { signUp } from './support/api-client';
import type { Staff } from './support/moderation';
import { aModerator, note, theAdmin } from './support/moderation';
import { publishMalformed } from './support/dead-letters';
import { expectData, expectProblem } from './support/typed-api';

type DeadLetterItem = components['schemas']['DeadLetterItemShape'];

describe('dead letters (admin)', () => {
  const kafka = testKafka();
  let producer: Producer;
  let admin: Staff;
  let moderator: Person;
  let member: Person;

  beforeAll(async () => {
    producer = kafka.producer();
    await producer.connect();
    admin = await theAdmin();
    [moderator, member] = await Promise.all([aModerator(admin), signUp('Una')]);
  });

  afterAll(() => producer.disconnect());

  const poison = () => publishMalformed(producer, 'dead-letters');

  const list = async (
    query: { status?: 'pending' | 'replayed' | 'discarded'; consumerGroup?: string } = {},
  ) =>
    expectData(
      await admin.client.api.GET('/api/v1/admin/dead-letters', {
        params: { query: { topic: 'user.blocked', limit: 100, ...query } },
      }),
      200,
    ).items;

  /** The dead letters of the message with this key, once every group that reads it gave up. */
  const parkedWith = (key: string, count = 1) =>
    waitFor(
      async () => {
        const mine = (await list()).filter((item) => item.key === key);
        return mine.length >= count && mine;
      },
      { timeoutMs: 30_000, intervalMs: 500, message: `the dead letters of ${key} to be listed` },
    );

  const decide = (action: 'replay' | 'discard', id: string, by: Staff['client'], text: string) => {
    const request = { params: { path: { id } }, body: { note: text } };
    return action === 'replay'
      ? by.api.POST('/api/v1/admin/dead-letters/{id}/replay', request)
      : by.api.POST('/api/v1/admin/dead-letters/{id}/discard', request);
  };

  it('lists, shows (redacted), replays once and audits a dead letter', async () => {
    const key = await poison();
    const [parked] = await parkedWith(key);
    expect(parked).toMatchObject({
      topic: 'user.blocked.dlq',
      originalTopic: 'user.blocked',
      eventType: 'user.blocked',
      status: 'pending',
    });
    expect(parked.consumerGroup).toEqual(expect.any(String));
    expect(parked.error).toContain('PoisonMessageError');
    const byGroup = await list({ consumerGroup: parked.consumerGroup ?? '' });
    expect(byGroup.every((item) => item.consumerGroup === parked.consumerGroup)).toBe(true);
    expect(byGroup.map((item) => item.id)).toContain(parked.id);

    const shown = expectData(
      await admin.client.api.GET('/api/v1/admin/dead-letters/{id}', {
        params: { path: { id: parked.id } },
      }),
      200,
    );
    expect(shown).toMatchObject({ id: parked.id, key, status: 'pending' });
    expect(shown.value).toMatchObject({
      type: 'user.blocked',
      data: { email: '[redacted]', location: { lat: '[redacted]', lng: '[redacted]' } },
    });
    expect(JSON.stringify(shown)).not.toContain('poison@example.com');
    expect(JSON.stringify(shown)).not.toContain('52.520008');
    expect(shown.headers).toMatchObject({
      'x-e2e': 'dead-letters',
      'dlq-source-topic': 'user.blocked',
      'dlq-consumer-group': parked.consumerGroup,
    });

    const why = note('replayed after the fix');
    const replayed = expectData(await decide('replay', parked.id, admin.client, why), 202);
    expect(replayed).toMatchObject({ id: parked.id, status: 'replayed' });
    expect(expectProblem(await decide('replay', parked.id, admin.client, why), 409).code).toBe(
      'COMMON.CONFLICT',
    );
    expectProblem(await decide('discard', parked.id, admin.client, why), 409);

    // Back on user.blocked with its key and headers, the message fails again: its new dead
    // letters carry the header that says where it came from.
    const inspected = new Set<string>([parked.id]);
    const again = await waitFor(
      async () => {
        const fresh = (await list({ status: 'pending' })).filter(
          (item) => item.key === key && !inspected.has(item.id),
        );
        for (const item of fresh) {
          inspected.add(item.id);
          const detail = expectData(
            await admin.client.api.GET('/api/v1/admin/dead-letters/{id}', {
              params: { path: { id: item.id } },
            }),
            200,
          );
          if (detail.headers['dlq-replayed-from'] === parked.id) return detail;
        }
        return false;
      },
      {
        timeoutMs: 30_000,
        intervalMs: 500,
        message: 'the replayed message to reach user.blocked again',
      },
    );
    expect(again.headers).toMatchObject({ 'x-e2e': 'dead-letters', 'event-type': 'user.blocked' });
    expect(again.eventId).toBe(parked.eventId);
    expect((await list({ status: 'replayed' })).map((item) => item.id)).toContain(parked.id);

    const audited = await waitFor(
      async () =>
        expectData(
          await admin.client.api.GET('/api/v1/admin/audit', {
            params: { query: { action: 'dead_letter.replayed', actorId: admin.id } },
          }),
          200,
        ).items.find((entry) => entry.objectId === parked.id),
      { intervalMs: 500, message: 'the replay in the audit log' },
    );
    expect(audited).toMatchObject({ actorId: admin.id, note: why });
  });

  it('discards once, audited', async () => {
    const [parked] = await parkedWith(await poison());
    const why = note('a test message');
    const discarded = expectData(await decide('discard', parked.id, admin.client, why), 200);
    expect(discarded).toMatchObject({ id: parked.id, status: 'discarded' });
    expectProblem(await decide('discard', parked.id, admin.client, why), 409);
    expectProblem(await decide('replay', parked.id, admin.client, why), 409);
    const audited = await waitFor(
      async () =>
        expectData(
          await admin.client.api.GET('/api/v1/admin/audit', {
            params: { query: { action: 'dead_letter.discarded' } },
          }),
          200,
        ).items.find((entry) => entry.objectId === parked.id),
      { intervalMs: 500, message: 'the discard in the audit log' },
    );
    expect(audited).toMatchObject({ actorId: admin.id, note: why });
  });

  it('is for admins only, and refuses unknown ids and missing notes', async () => {
    const [parked] = await parkedWith(await poison());
    const id = parked.id;
    for (const person of [moderator, member]) {
      expect(expectProblem(await person.api.GET('/api/v1/admin/dead-letters'), 403).code).toBe(
        'COMMON.FORBIDDEN',
      );
      expectProblem(
        await person.api.GET('/api/v1/admin/dead-letters/{id}', { params: { path: { id } } }),
        403,
      );
      expectProblem(await decide('replay', id, person.client, note('not mine')), 403);
      expectProblem(await decide('discard', id, person.client, note('not mine')), 403);
    }
    expectProblem(await member.client.withToken(undefined).GET('/api/v1/admin/dead-letters'), 401);
    expectProblem(
      await admin.client.api.GET('/api/v1/admin/dead-letters/{id}', {
        params: { path: { id: randomUUID() } },
      }),
      404,
    );
    expectProblem(await decide('discard', randomUUID(), admin.client, note('gone')), 404);
    const noNote = await admin.client.request('POST', `/admin/dead-letters/${id}/discard`, {
      body: {},
    });
    expect(noNote.status).toBe(400);
    const badCursor = await admin.client.api.GET('/api/v1/admin/dead-letters', {
      params: { query: { cursor: 'nope' } },
    });
    expectProblem(badCursor, 400);
    // Nothing above changed it.
    expect((await list()).find((item: DeadLetterItem) => item.id === id)?.status).toBe('pending');
  });
});
