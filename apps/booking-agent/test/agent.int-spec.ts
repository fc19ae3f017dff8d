import { randomUUID } from 'node:crypto';
import type { Topic, TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import type { StatsReporter } from '@rendezvous/platform';
import { STATS_REPORTER } from '@rendezvous/platform';
import { collectMessages, testKafka, waitFor } from '@rendezvous/testing';
import { InHouseProvider } from '../src/agent/in-house.provider';
import { seededRandom } from '@rendezvous/platform';
import type { BookingTestApp, Person } from './booking-test-app';
import { inHours, startBookingApp } from './booking-test-app';

const TOPICS_SEEN = [TOPICS.PLAN_CONFIRMED, TOPICS.BOOKING_CONFIRMED, TOPICS.BOOKING_FAILED];

/** A seed whose first rolls refuse two attempts and let the third through. */
function seedFailingTwiceThenBooking(failureRate: number): number {
  for (let seed = 1; ; seed++) {
    const roll = seededRandom(seed);
    if (roll() < failureRate && roll() < failureRate && roll() >= failureRate) return seed;
  }
}

describe('booking agent: booking exactly once', () => {
  let kafka: KafkaCollector;

  beforeAll(async () => {
    kafka = await collectMessages(testKafka(), TOPICS_SEEN);
  });

  afterAll(async () => {
    await kafka.stop();
  });

  const eventsOf = <T extends Topic>(planId: string, type: T) => kafka.envelopes(type, planId);

  /** Proposes a coffee meeting at the venue and has the invitee accept it (so it is confirmed). */
  async function agreedPlan(t: BookingTestApp, venueId: string, startsAt = inHours(24)) {
    const [organizer, invitee]: Person[] = [await t.person(), await t.person()];
    const created = await t.request<{ id: string }>('POST', '/plans', {
      token: organizer.token,
      body: { venueId, startsAt: startsAt.toISOString(), inviteeIds: [invitee.id] },
    });
    const accepted = await t.request<{ status: string }>(
      'POST',
      `/plans/${created.body.id}/accept`,
      {
        token: invitee.token,
      },
    );
    expect(accepted.body.status).toBe('booking');
    return { planId: created.body.id, organizer, invitee };
  }

  const workOrder = async (planId: string) =>
    (
      await waitFor(() => {
        const found = eventsOf(planId, TOPICS.PLAN_CONFIRMED);
        return found.length > 0 ? found : undefined;
      })
    )[0];

  const statusOf = async (t: BookingTestApp, planId: string) =>
    (
      (await t.db.query('SELECT status FROM plans WHERE id = $1', [planId])) as { status: string }[]
    )[0].status;

  const bookingsOf = async (t: BookingTestApp, planId: string) => ({
    bookings: Number(
      (
        (await t.db.query('SELECT count(*) FROM bookings WHERE plan_id = $1', [planId])) as {
          count: string;
        }[]
      )[0].count,
    ),
    reservations: Number(
      (
        (await t.db.query(
          'SELECT count(*) FROM venue_reservations WHERE request_key = $1 AND released_at IS NULL',
          [planId],
        )) as { count: string }[]
      )[0].count,
    ),
  });

  /** Once everything the app wrote has reached the collector: the outbox is empty and the
   * collector holds every message up to the topics' end offsets. */
  async function drained(t: BookingTestApp): Promise<void> {
    await waitFor(
      async () => {
        const [{ count }] = (await t.db.query('SELECT count(*) FROM outbox')) as {
          count: string;
        }[];
        return count === '0';
      },
      { message: 'an empty outbox' },
    );
    const admin = testKafka().admin();
    await admin.connect();
    try {
      for (const topic of TOPICS_SEEN) {
        for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
          await waitFor(
            () =>
              Number(high) === 0 ||
              kafka.messages.some(
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
  }

  describe('with the in-house provider', () => {
    let t: BookingTestApp;
    let replica: BookingTestApp;

    beforeAll(async () => {
      t = await startBookingApp();
      // A second agent on the same database, as another replica would be.
      replica = await startBookingApp({ POSTGRES_DB: String(t.db.options.database) });
    });

    afterAll(async () => {
      await replica.close();
      await t.close();
    });

    it('books once for a double confirm and replays of plan.confirmed to two agents at once', async () => {
      const venueId = await t.venue(10);
      await replica.venue(10);
      const { planId, organizer } = await agreedPlan(t, venueId);
      // The organizer also confirms, twice, while the invitee's accept already did.
      const confirms = await Promise.all(
        [1, 2].map(() =>
          t.request<{ status: string }>('POST', `/plans/${planId}/confirm`, {
            token: organizer.token,
          }),
        ),
      );
      expect(confirms.map((c) => [c.status, c.body.status])).toEqual([
        [202, 'booking'],
        [202, 'booking'],
      ]);
      const order = await workOrder(planId);
      // Redelivery of the same message, and copies under new event ids, to both agents at once.
      const copies = [order, order, { ...order, id: randomUUID() }, { ...order, id: randomUUID() }];
      await Promise.all(copies.flatMap((copy) => [t.deliver(copy), replica.deliver(copy)]));
      expect(await statusOf(t, planId)).toBe('booked');
      expect(await bookingsOf(t, planId)).toEqual({ bookings: 1, reservations: 1 });
      await drained(t);
      expect(eventsOf(planId, TOPICS.PLAN_CONFIRMED)).toHaveLength(1);
      expect(eventsOf(planId, TOPICS.BOOKING_CONFIRMED)).toHaveLength(1);
      console.log(
        `exactly once: ${confirms.length + 1} confirms, ${copies.length * 2} deliveries of plan.confirmed to 2 agents, ` +
          `${(await bookingsOf(t, planId)).bookings} booking, ${eventsOf(planId, TOPICS.BOOKING_CONFIRMED).length} booking.confirmed`,
      );
    });

    it('books once when an agent died after the provider booked and before it recorded anything', async () => {
      const venueId = await t.venue(10);
      const { planId } = await agreedPlan(t, venueId);
      const order = await workOrder(planId);
      // What the dead agent left behind: the provider's reservation under the plan's key, no
      // booking, the plan still `booking`, the event not in the inbox.
      const plan = order.data;
      const held = await t.app.get(InHouseProvider).book({
        requestKey: planId,
        venueId,
        startsAt: new Date(plan.startsAt),
        endsAt: new Date(plan.endsAt),
        partySize: 2,
      });
      expect(await statusOf(t, planId)).toBe('booking');
      await t.deliver(order);
      expect(await bookingsOf(t, planId)).toEqual({ bookings: 1, reservations: 1 });
      const [confirmed] = await waitFor(() => {
        const found = eventsOf(planId, TOPICS.BOOKING_CONFIRMED);
        return found.length > 0 ? found : undefined;
      });
      expect(confirmed.data.reference).toBe(held.reference);
    });

    it('keeps a venue within capacity when overlapping plans are booked at the same instant', async () => {
      const venueId = await t.venue(5);
      const plans = [];
      for (let i = 0; i < 6; i++) plans.push(await agreedPlan(t, venueId, inHours(30)));
      const later = await agreedPlan(t, venueId, inHours(32));
      const orders = await Promise.all([...plans, later].map((p) => workOrder(p.planId)));
      await Promise.all(orders.map((order) => t.deliver(order)));
      const statuses = await Promise.all(plans.map((p) => statusOf(t, p.planId)));
      expect(statuses.filter((s) => s === 'booked')).toHaveLength(2);
      expect(statuses.filter((s) => s === 'booking_failed')).toHaveLength(4);
      expect(await statusOf(t, later.planId)).toBe('booked');
      const failed = plans.filter((_, i) => statuses[i] === 'booking_failed');
      for (const { planId } of failed) {
        const [event] = await waitFor(() => {
          const found = eventsOf(planId, TOPICS.BOOKING_FAILED);
          return found.length > 0 ? found : undefined;
        });
        expect(event.data.reason).toBe('venue_full');
      }
      const [{ seats }] = (await t.db.query(
        `SELECT sum(party_size)::int AS seats FROM venue_reservations
         WHERE venue_id = $1 AND released_at IS NULL AND starts_at = $2`,
        [venueId, inHours(30)],
      )) as { seats: number }[];
      expect(seats).toBe(4);
    });

    it('reports confirmed and failed bookings per day, a failure kept after its plan is cancelled', async () => {
      const reporter = t.app.get<StatsReporter>(STATS_REPORTER);
      const today = (report: TopicEnvelope<'stats.reported'>) =>
        report.data.days.find((day) => day.day === report.data.asOf.slice(0, 10));
      const before = today(await reporter.snapshot());
      const venueId = await t.venue(2);
      const plans = [
        await agreedPlan(t, venueId, inHours(40)),
        await agreedPlan(t, venueId, inHours(40)),
      ];
      for (const { planId } of plans) await t.deliver(await workOrder(planId));
      const statuses = await Promise.all(plans.map(({ planId }) => statusOf(t, planId)));
      expect([...statuses].sort()).toEqual(['booked', 'booking_failed']);
      const failed = plans[statuses.indexOf('booking_failed')];
      const cancelled = await t.request('POST', `/plans/${failed.planId}/cancel`, {
        token: failed.organizer.token,
      });
      expect(cancelled.status).toBe(200);

      const after = today(await reporter.snapshot());
      expect((after?.bookingsConfirmed ?? 0) - (before?.bookingsConfirmed ?? 0)).toBe(1);
      expect((after?.bookingsFailed ?? 0) - (before?.bookingsFailed ?? 0)).toBe(1);
    });
  });

  describe('with a flaky external provider', () => {
    it('retries refused attempts with backoff and then books', async () => {
      const t = await startBookingApp({
        BOOKING_PROVIDER: 'simulated',
        BOOKING_SIMULATED_LATENCY_MS: '5',
        BOOKING_SIMULATED_FAILURE_RATE: '0.5',
        BOOKING_SIMULATED_TIMEOUT_RATE: '0',
        BOOKING_SIMULATED_SEED: String(seedFailingTwiceThenBooking(0.5)),
        BOOKING_RETRY_ATTEMPTS: '3',
        BOOKING_RETRY_BASE_MS: '20',
      });
      try {
        const venueId = await t.venue(4);
        const { planId } = await agreedPlan(t, venueId);
        await t.deliver(await workOrder(planId));
        expect(await statusOf(t, planId)).toBe('booked');
        expect(await bookingsOf(t, planId)).toEqual({ bookings: 1, reservations: 1 });
      } finally {
        await t.close();
      }
    });

    it('marks the plan booking_failed after the last retry when the provider keeps failing', async () => {
      const t = await startBookingApp({
        BOOKING_PROVIDER: 'simulated',
        BOOKING_SIMULATED_LATENCY_MS: '0',
        BOOKING_SIMULATED_FAILURE_RATE: '1',
        BOOKING_RETRY_ATTEMPTS: '3',
        BOOKING_RETRY_BASE_MS: '10',
      });
      try {
        const venueId = await t.venue(4);
        const { planId, organizer, invitee } = await agreedPlan(t, venueId);
        await t.deliver(await workOrder(planId));
        expect(await statusOf(t, planId)).toBe('booking_failed');
        expect(await bookingsOf(t, planId)).toEqual({ bookings: 0, reservations: 0 });
        const [failed] = await waitFor(() => {
          const found = eventsOf(planId, TOPICS.BOOKING_FAILED);
          return found.length > 0 ? found : undefined;
        });
        expect(failed.data.reason).toBe('provider_unavailable');
        expect(failed.recipientIds).toEqual([organizer.id, invitee.id]);
      } finally {
        await t.close();
      }
    });
  });
});
