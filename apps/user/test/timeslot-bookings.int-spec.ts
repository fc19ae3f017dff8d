import { randomUUID } from 'node:crypto';
import type {
  BookingData,
  BookingStatus,
  Envelope,
  TimeslotEventData,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import { anEnvelope, collectMessages, testKafka, waitFor } from '@rendezvous/testing';
import type { Admin } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { UserTestApp } from './user-test-app';
import { startUserApp } from './user-test-app';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Slot {
  id: string;
  status: string;
}

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('user service: timeslots booked by plans', () => {
  const kafka = testKafka();
  let t: UserTestApp;
  let db: DataSource;
  let admin: Admin;
  let updates: KafkaCollector;

  beforeAll(async () => {
    t = await startUserApp();
    db = t.app.get(DataSource);
    admin = kafka.admin();
    await admin.connect();
    updates = await collectMessages(kafka, [TOPICS.TIMESLOT_UPDATED]);
  });

  afterAll(async () => {
    await updates.stop();
    await admin.disconnect();
    await t.close();
  });

  /** A fresh person with one free slot; the slot is at version 1. */
  const personWithSlot = async () => {
    const { accessToken } = await t.signup();
    const slot = await t.request<Slot>('POST', '/users/me/timeslots', {
      token: accessToken,
      body: { startsAt: inHours(24), endsAt: inHours(25) },
    });
    expect(slot.status).toBe(201);
    return { token: accessToken, slotId: slot.body.id };
  };

  const bookingEvent = (
    status: BookingStatus,
    planId: string,
    timeslotId: string | null,
    planVersion: number,
  ): Envelope<BookingData> =>
    anEnvelope(
      status === 'confirmed' ? TOPICS.BOOKING_CONFIRMED : TOPICS.BOOKING_CANCELLED,
      {
        planId,
        bookingId: randomUUID(),
        venueId: randomUUID(),
        startsAt: inHours(24),
        endsAt: inHours(25),
        partySize: 2,
        reference: 'RDV-1234',
        status,
        timeslotId,
      },
      { aggregateId: planId, version: planVersion, source: 'booking-agent' },
    );

  const listed = async (token: string, slotId: string) => {
    const page = await t.request<Page<Slot>>('GET', '/users/me/timeslots', { token });
    return page.body.items.find((s) => s.id === slotId);
  };

  const storedVersion = async (slotId: string) => {
    const rows = (await db.query('SELECT version FROM timeslots WHERE id = $1', [slotId])) as {
      version: number;
    }[];
    return rows[0]?.version;
  };

  const bookingRows = (slotIds?: string[]) =>
    db.query(
      'SELECT * FROM timeslot_bookings WHERE $1::uuid[] IS NULL OR timeslot_id = ANY($1::uuid[])',
      [slotIds ?? null],
    ) as Promise<unknown[]>;

  const updatesOf = (slotId: string) =>
    updates.messages
      .map((m) => m.json as Envelope<TimeslotEventData>)
      .filter((e) => e.aggregateId === slotId)
      .sort((a, b) => a.aggregateVersion - b.aggregateVersion);

  const updateAt = (slotId: string, version: number) =>
    waitFor(() => updatesOf(slotId).find((e) => e.aggregateVersion === version), {
      message: `timeslot.updated version ${version}`,
    });

  /**
   * Returns once everything this app recorded for publication is on Kafka and the collector has
   * read `timeslot.updated` up to its end, so an absent event is really absent.
   */
  const settled = async () => {
    await waitFor(
      async () => {
        const [{ count }] = (await db.query('SELECT count(*)::int AS count FROM outbox')) as {
          count: number;
        }[];
        return count === 0;
      },
      { message: 'the outbox to drain' },
    );
    const ends = await admin.fetchTopicOffsets(TOPICS.TIMESLOT_UPDATED);
    await waitFor(
      () =>
        ends
          .filter((p) => Number(p.high) > Number(p.low))
          .every((p) =>
            updates.messages.some(
              (m) => m.partition === p.partition && Number(m.message.offset) >= Number(p.high) - 1,
            ),
          ),
      { message: 'the collector to reach the end of timeslot.updated' },
    );
  };

  it('books the slot on booking.confirmed: listed as booked, timeslot.updated at the next version', async () => {
    const { token, slotId } = await personWithSlot();
    await t.deliver(bookingEvent('confirmed', randomUUID(), slotId, 4));

    expect(await listed(token, slotId)).toMatchObject({ id: slotId, status: 'booked' });
    const updated = await updateAt(slotId, 2);
    expect(updated.type).toBe(TOPICS.TIMESLOT_UPDATED);
    expect(updated.data).toMatchObject({ timeslotId: slotId, status: 'booked' });
  });

  it('frees the slot again on booking.cancelled, with another timeslot.updated', async () => {
    const { token, slotId } = await personWithSlot();
    const planId = randomUUID();
    await t.deliver(bookingEvent('confirmed', planId, slotId, 4));
    await t.deliver(bookingEvent('cancelled', planId, slotId, 5));

    expect(await listed(token, slotId)).toMatchObject({ status: 'free' });
    const freed = await updateAt(slotId, 3);
    expect(freed.data.status).toBe('free');
    expect(updatesOf(slotId).map((e) => [e.aggregateVersion, e.data.status])).toEqual([
      [2, 'booked'],
      [3, 'free'],
    ]);
  });

  it('changes nothing when the same envelope is delivered again', async () => {
    const { token, slotId } = await personWithSlot();
    const confirmed = bookingEvent('confirmed', randomUUID(), slotId, 4);
    await t.deliver(confirmed);
    await t.deliver(confirmed);
    await t.deliver(confirmed);

    await updateAt(slotId, 2);
    await settled();
    expect(updatesOf(slotId)).toHaveLength(1);
    expect(await storedVersion(slotId)).toBe(2);
    expect(await listed(token, slotId)).toMatchObject({ status: 'booked' });
  });

  it('ignores a confirmation older than the cancellation already applied', async () => {
    const { token, slotId } = await personWithSlot();
    const planId = randomUUID();
    // Different topics: the plan's cancellation (version 5) overtook its confirmation (4).
    await t.deliver(bookingEvent('cancelled', planId, slotId, 5));
    await t.deliver(bookingEvent('confirmed', planId, slotId, 4));

    expect(await listed(token, slotId)).toMatchObject({ status: 'free' });
    expect(await storedVersion(slotId)).toBe(1);
    await settled();
    expect(updatesOf(slotId)).toEqual([]);

    // The plan's later state still applies.
    await t.deliver(bookingEvent('confirmed', planId, slotId, 6));
    expect((await updateAt(slotId, 2)).data.status).toBe('booked');
  });

  it('ignores a booking for an unknown slot, a deleted slot or a deleted person’s slot', async () => {
    const unknownId = randomUUID();
    const removed = await personWithSlot();
    const gone = await t.request('DELETE', `/users/me/timeslots/${removed.slotId}`, {
      token: removed.token,
    });
    expect(gone.status).toBe(204);
    const leaver = await personWithSlot();
    expect((await t.request('DELETE', '/users/me', { token: leaver.token })).status).toBe(204);

    for (const slotId of [unknownId, removed.slotId, leaver.slotId]) {
      await expect(
        t.deliver(bookingEvent('confirmed', randomUUID(), slotId, 4)),
      ).resolves.toBeUndefined();
    }

    const slotIds = [unknownId, removed.slotId, leaver.slotId];
    expect(await bookingRows(slotIds)).toEqual([]);
    await settled();
    expect(slotIds.flatMap(updatesOf)).toEqual([]);
  });

  it('ignores a booking without a timeslot', async () => {
    const { token, slotId } = await personWithSlot();
    const before = (await bookingRows()).length;
    await t.deliver(bookingEvent('confirmed', randomUUID(), null, 4));

    expect(await bookingRows()).toHaveLength(before);

    expect(await listed(token, slotId)).toMatchObject({ status: 'free' });
    expect(await storedVersion(slotId)).toBe(1);
    await settled();
    expect(updatesOf(slotId)).toEqual([]);
  });
});
