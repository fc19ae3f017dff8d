import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import type { Topic } from '@rendezvous/contracts';
import { AUTH_ERRORS, BOOKING_ERRORS, TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector, Problem } from '@rendezvous/testing';
import { collectMessages, testKafka, waitFor } from '@rendezvous/testing';
import { UserEventsConsumer } from '../src/people/user-events.consumer';
import type { BookingTestApp, Person } from './booking-test-app';
import { inHours, startBookingApp } from './booking-test-app';

interface PlanBody {
  id: string;
  status: string;
  participants: { userId: string; role: string; status: string }[];
  booking?: { id: string; status: string };
}

const TOPICS_SEEN = [TOPICS.PLAN_UPDATED, TOPICS.PLAN_CONFIRMED, TOPICS.BOOKING_CANCELLED];

describe('booking agent: suspensions, bans and blocks', () => {
  const kafka = testKafka();
  let t: BookingTestApp;
  let published: KafkaCollector;
  let venueId: string;
  let ada: Person;
  let bob: Person;

  beforeAll(async () => {
    t = await startBookingApp();
    published = await collectMessages(kafka, TOPICS_SEEN);
    venueId = await t.venue(20);
  });

  beforeEach(async () => {
    ada = await t.person();
    bob = await t.person();
  });

  afterAll(async () => {
    await published.stop();
    await t.close();
  });

  const propose = (organizer: Person, inviteeIds: string[]) =>
    t.request<PlanBody & Problem>('POST', '/plans', {
      token: organizer.token,
      body: { venueId, startsAt: inHours(24).toISOString(), inviteeIds },
    });
  const suggestions = (caller: Person, other: Person) =>
    t.request<Problem>('GET', `/plans/suggestions?with=${other.id}`, { token: caller.token });
  const act = (person: Person, planId: string, action: string) =>
    t.request<PlanBody>('POST', `/plans/${planId}/${action}`, { token: person.token });
  const plan = async (who: Person, id: string) =>
    (await t.request<PlanBody>('GET', `/plans/${id}`, { token: who.token })).body;
  const eventsOf = <T extends Topic>(planId: string, type: T) => published.envelopes(type, planId);
  const expectUnknownInvitee = (answer: { status: number; body: Problem }) => {
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe(BOOKING_ERRORS.USER_NOT_FOUND);
    expect(answer.body.errors?.map((e) => e.path)).toEqual(['inviteeIds']);
  };
  const heldReservations = async (planId: string) =>
    (
      (await t.db.query(
        'SELECT count(*)::int AS held FROM venue_reservations WHERE request_key = $1 AND released_at IS NULL',
        [planId],
      )) as { held: number }[]
    )[0].held;

  /** Once everything the app wrote has reached the collector: counts are then final. */
  const drained = async () => {
    await waitFor(
      async () => ((await t.db.query('SELECT 1 FROM outbox LIMIT 1')) as unknown[]).length === 0,
      { message: 'an empty outbox' },
    );
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

  describe('invitations', () => {
    it('answers a suspended or banned invitee as unknown (404) and invites them again once reinstated', async () => {
      const carol = await t.person();
      await t.setStatus(bob.id, 'suspended', 2);
      expectUnknownInvitee(await propose(ada, [bob.id]));
      expectUnknownInvitee(await propose(ada, [carol.id, bob.id]));
      const hidden = await suggestions(ada, bob);
      expect(hidden.status).toBe(404);
      expect(hidden.body.code).toBe(BOOKING_ERRORS.USER_NOT_FOUND);

      await t.setStatus(bob.id, 'active', 3);
      expect((await propose(ada, [bob.id])).status).toBe(201);
      expect((await suggestions(ada, bob)).status).toBe(200);

      await t.setStatus(bob.id, 'banned', 4);
      expectUnknownInvitee(await propose(ada, [bob.id]));
      expect((await suggestions(ada, bob)).status).toBe(404);
    });

    it('answers an invitee across a block, either way, as unknown (404) until unblocked', async () => {
      const carol = await t.person();
      await t.block(ada.id, bob.id, 2);
      await t.block(carol.id, ada.id, 2);
      expectUnknownInvitee(await propose(ada, [bob.id]));
      expectUnknownInvitee(await propose(bob, [ada.id]));
      expectUnknownInvitee(await propose(ada, [carol.id]));
      expectUnknownInvitee(await propose(carol, [bob.id, ada.id]));

      await t.block(ada.id, bob.id, 3, false);
      expect((await propose(ada, [bob.id])).status).toBe(201);
      expect((await propose(bob, [ada.id])).status).toBe(201);
    });
  });

  describe('the suspended person', () => {
    it('is refused at the service with 401 AUTH.ACCOUNT_SUSPENDED until reinstated', async () => {
      await t.setStatus(ada.id, 'suspended', 2);
      for (const answer of [
        await t.request<Problem & Record<string, unknown>>('GET', '/plans', { token: ada.token }),
        await propose(ada, [bob.id]),
      ]) {
        expect(answer.status).toBe(401);
        expect(answer.body).toMatchObject({
          code: AUTH_ERRORS.ACCOUNT_SUSPENDED,
          accountStatus: 'suspended',
          suspendedUntil: null,
        });
      }
      await t.setStatus(ada.id, 'active', 3);
      expect((await t.request('GET', '/plans', { token: ada.token })).status).toBe(200);
    });

    it('keeps their plans while only suspended', async () => {
      const { body: organized } = await propose(ada, [bob.id]);
      await t.setStatus(ada.id, 'suspended', 2);
      expect((await plan(bob, organized.id)).status).toBe('proposed');
    });
  });

  describe('ban', () => {
    it('cancels the future plans the person organizes, releasing bookings and telling participants', async () => {
      const carol = await t.person();
      const { body: coffee } = await propose(ada, [bob.id]);
      await act(bob, coffee.id, 'accept');
      const order = await waitFor(() => eventsOf(coffee.id, TOPICS.PLAN_CONFIRMED)[0], {
        message: 'plan.confirmed',
      });
      await t.deliver(order);
      expect((await plan(ada, coffee.id)).status).toBe('booked');
      expect(await heldReservations(coffee.id)).toBe(1);
      const { body: group } = await propose(ada, [bob.id, carol.id]);
      const { body: invited } = await propose(carol, [ada.id, bob.id]);
      const { body: past } = await propose(ada, [carol.id]);
      await t.db.query(
        `UPDATE plans SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour'
         WHERE id = $1`,
        [past.id],
      );

      await t.setStatus(ada.id, 'banned', 2);
      const cancelledCoffee = await plan(bob, coffee.id);
      expect(cancelledCoffee.status).toBe('cancelled');
      expect(cancelledCoffee.booking?.status).toBe('cancelled');
      expect((await plan(carol, group.id)).status).toBe('cancelled');
      // Invitations and past plans stay as they were: a ban keeps the person's data.
      const stillInvited = await plan(carol, invited.id);
      expect(stillInvited.status).toBe('proposed');
      expect(stillInvited.participants.map((p) => p.userId)).toEqual([carol.id, ada.id, bob.id]);
      expect((await plan(carol, past.id)).status).toBe('proposed');

      // A later status event while still banned cancels nothing again.
      await t.setStatus(ada.id, 'banned', 3);
      await drained();
      const updates = (id: string) =>
        eventsOf(id, TOPICS.PLAN_UPDATED).filter((e) => e.data.status === 'cancelled');
      expect(updates(coffee.id).map((e) => e.recipientIds)).toEqual([[ada.id, bob.id]]);
      expect(updates(group.id).map((e) => e.recipientIds)).toEqual([[ada.id, bob.id, carol.id]]);
      expect(updates(invited.id)).toEqual([]);
      const released = eventsOf(coffee.id, TOPICS.BOOKING_CANCELLED);
      expect(released.map((e) => e.recipientIds)).toEqual([[ada.id, bob.id]]);

      // The agent gives the venue's hold back on its own booking.cancelled.
      await t.deliver(released[0]);
      expect(await heldReservations(coffee.id)).toBe(0);
    });
  });
});
