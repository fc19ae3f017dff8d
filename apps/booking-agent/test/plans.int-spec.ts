import { randomUUID } from 'node:crypto';
import type { Topic } from '@rendezvous/contracts';
import { BOOKING_ERRORS, TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector, Problem } from '@rendezvous/testing';
import { collectMessages, testKafka, waitFor } from '@rendezvous/testing';
import type { BookingTestApp, Person } from './booking-test-app';
import { inHours, startBookingApp } from './booking-test-app';

interface PlanBody {
  id: string;
  organizerId: string;
  status: string;
  startsAt: string;
  endsAt: string;
  message: string | null;
  participants: { userId: string; role: string; status: string }[];
  booking?: { id: string; reference: string; partySize: number; status: string };
}

describe('booking agent: plans', () => {
  let t: BookingTestApp;
  let kafka: KafkaCollector;
  let venueId: string;
  let ada: Person;
  let bob: Person;

  beforeAll(async () => {
    t = await startBookingApp();
    kafka = await collectMessages(testKafka(), [
      TOPICS.PLAN_INVITED,
      TOPICS.PLAN_UPDATED,
      TOPICS.PLAN_CONFIRMED,
      TOPICS.BOOKING_CONFIRMED,
      TOPICS.BOOKING_FAILED,
      TOPICS.BOOKING_CANCELLED,
    ]);
    venueId = await t.venue(20);
  });

  beforeEach(async () => {
    ada = await t.person();
    bob = await t.person();
  });

  afterAll(async () => {
    await kafka.stop();
    await t.close();
  });

  const eventsOf = <T extends Topic>(planId: string, type: T) => kafka.envelopes(type, planId);

  /** The plan's events of one type, once at least one has come through Kafka. */
  const published = <T extends Topic>(planId: string, type: T) =>
    waitFor(
      () => {
        const found = eventsOf(planId, type);
        return found.length > 0 ? found : undefined;
      },
      { message: `${type} of ${planId}` },
    );

  const propose = (organizer: Person, body: Record<string, unknown>) =>
    t.request<PlanBody & Problem>('POST', '/plans', { token: organizer.token, body });

  const aPlan = (overrides: Record<string, unknown> = {}) => ({
    venueId,
    startsAt: inHours(24).toISOString(),
    inviteeIds: [bob.id],
    ...overrides,
  });

  const act = (person: Person, planId: string, action: string) =>
    t.request<PlanBody & Problem & { status: string }>('POST', `/plans/${planId}/${action}`, {
      token: person.token,
    });

  /** Hands the plan's `plan.confirmed` (as it came through Kafka) to the agent. */
  const runAgent = async (planId: string) => {
    const [order] = await published(planId, TOPICS.PLAN_CONFIRMED);
    await t.deliver(order);
    return order;
  };

  const plan = async (who: Person, id: string) =>
    (await t.request<PlanBody>('GET', `/plans/${id}`, { token: who.token })).body;

  describe('create', () => {
    it('proposes a plan: organizer accepted, invitees invited, an hour by default, invitees told', async () => {
      const carol = await t.person();
      const startsAt = inHours(30);
      const created = await propose(
        ada,
        aPlan({
          startsAt: startsAt.toISOString(),
          inviteeIds: [bob.id, carol.id],
          message: 'Coffee?',
        }),
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        organizerId: ada.id,
        venueId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        message: 'Coffee?',
        status: 'proposed',
        participants: [
          { userId: ada.id, role: 'organizer', status: 'accepted' },
          { userId: bob.id, role: 'invitee', status: 'invited' },
          { userId: carol.id, role: 'invitee', status: 'invited' },
        ],
      });
      expect(created.body.booking).toBeUndefined();
      const [invited] = await published(created.body.id, TOPICS.PLAN_INVITED);
      expect(invited.recipientIds).toEqual([bob.id, carol.id]);
      expect(invited.aggregateVersion).toBe(1);
      expect(JSON.stringify(invited.data)).not.toContain('Coffee?');
    });

    it('names each bad field with a 400', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [aPlan({ startsAt: inHours(-1).toISOString() }), 'startsAt'],
        [aPlan({ startsAt: '2030-01-01T10:00:00' }), 'startsAt'],
        [aPlan({ endsAt: inHours(23).toISOString() }), 'endsAt'],
        [aPlan({ inviteeIds: [] }), 'inviteeIds'],
        [aPlan({ inviteeIds: Array.from({ length: 21 }, () => randomUUID()) }), 'inviteeIds'],
        [aPlan({ inviteeIds: [bob.id, bob.id] }), 'inviteeIds'],
        [aPlan({ inviteeIds: ['bob'] }), 'inviteeIds'],
        [aPlan({ inviteeIds: [ada.id] }), 'inviteeIds'],
        [aPlan({ venueId: 'cafe' }), 'venueId'],
        [aPlan({ message: 'x'.repeat(501) }), 'message'],
        [aPlan({ partySize: 4 }), 'partySize'],
      ];
      for (const [body, path] of cases) {
        const response = await propose(ada, body);
        expect({
          path,
          status: response.status,
          paths: response.body.errors?.map((e) => e.path),
        }).toEqual({ path, status: 400, paths: [path] });
      }
    });

    it('refuses an unknown venue or invitee with a 404', async () => {
      const stranger = await t.person({ known: false });
      const noVenue = await propose(ada, aPlan({ venueId: randomUUID() }));
      expect([noVenue.status, noVenue.body.code]).toEqual([404, BOOKING_ERRORS.VENUE_NOT_FOUND]);
      const noInvitee = await propose(ada, aPlan({ inviteeIds: [bob.id, stranger.id] }));
      expect([noInvitee.status, noInvitee.body.code]).toEqual([404, BOOKING_ERRORS.USER_NOT_FOUND]);
      expect(noInvitee.body.errors?.[0]?.path).toBe('inviteeIds');
    });
  });

  describe('who may do what', () => {
    it('lets only invitees answer, only the organizer confirm or cancel, and nobody else read', async () => {
      const carol = await t.person();
      const mallory = await t.person();
      const { body: created } = await propose(ada, aPlan({ inviteeIds: [bob.id, carol.id] }));
      expect((await act(ada, created.id, 'accept')).status).toBe(403);
      expect((await act(mallory, created.id, 'accept')).status).toBe(403);
      expect((await act(mallory, created.id, 'decline')).status).toBe(403);
      expect((await act(bob, created.id, 'confirm')).status).toBe(403);
      expect((await act(bob, created.id, 'cancel')).status).toBe(403);
      expect((await act(mallory, created.id, 'cancel')).status).toBe(403);
      const read = await t.request<Problem>('GET', `/plans/${created.id}`, {
        token: mallory.token,
      });
      expect([read.status, read.body.code]).toEqual([404, BOOKING_ERRORS.PLAN_NOT_FOUND]);
      expect((await t.request('GET', `/plans/${randomUUID()}`, { token: ada.token })).status).toBe(
        404,
      );
      expect((await t.request('GET', '/plans/nope', { token: ada.token })).status).toBe(400);
      expect((await t.request('GET', `/plans/${created.id}`, {})).status).toBe(401);
      const theirs = await t.request<{ items: PlanBody[] }>('GET', '/plans', {
        token: mallory.token,
      });
      expect(theirs.body.items).toEqual([]);
      const mine = await t.request<{ items: PlanBody[] }>('GET', '/plans', { token: carol.token });
      expect(mine.body.items.map((p) => p.id)).toEqual([created.id]);
      expect((await plan(carol, created.id)).status).toBe('proposed');
    });
  });

  describe('coffee meetings', () => {
    it('books a two-person plan as soon as the invitee accepts', async () => {
      const { body: created } = await propose(ada, aPlan());
      const accepted = await act(bob, created.id, 'accept');
      expect(accepted.status).toBe(200);
      expect(accepted.body.status).toBe('booking');
      expect(accepted.body.participants[1]).toEqual({
        userId: bob.id,
        role: 'invitee',
        status: 'accepted',
      });
      await runAgent(created.id);
      const booked = await plan(ada, created.id);
      expect(booked.status).toBe('booked');
      expect(booked.booking).toMatchObject({ partySize: 2, status: 'confirmed' });
      expect(booked.booking?.reference).toMatch(/^RDV-[A-Z2-9]{8}$/);
      const [confirmed] = await published(created.id, TOPICS.BOOKING_CONFIRMED);
      expect(confirmed.recipientIds).toEqual([ada.id, bob.id]);
      expect(confirmed.data).toMatchObject({
        planId: created.id,
        bookingId: booked.booking?.id,
        reference: booked.booking?.reference,
        partySize: 2,
        status: 'confirmed',
        timeslotId: null,
      });
      const bookings = await t.request<{ items: { planId: string }[] }>('GET', '/bookings', {
        token: bob.token,
      });
      expect(bookings.body.items.map((b) => b.planId)).toEqual([created.id]);
    });

    it('keeps a plan with someone who publishes slots inside one that is free', async () => {
      const from = inHours(48);
      const slotId = await t.slot(bob.id, from, inHours(50));
      await t.slot(bob.id, inHours(60), inHours(61), 'booked');
      const outside = await propose(ada, aPlan({ startsAt: inHours(49.5).toISOString() }));
      expect([outside.status, outside.body.code]).toEqual([
        409,
        BOOKING_ERRORS.OUTSIDE_FREE_TIMESLOT,
      ]);
      const inBookedSlot = await propose(ada, aPlan({ startsAt: inHours(60).toISOString() }));
      expect(inBookedSlot.status).toBe(409);
      const inside = await propose(ada, aPlan({ startsAt: inHours(48.5).toISOString() }));
      expect(inside.status).toBe(201);
      const [invited] = await published(inside.body.id, TOPICS.PLAN_INVITED);
      expect(invited.data.timeslotId).toBe(slotId);
      // A group plan is not a coffee meeting: no slot rule.
      const carol = await t.person();
      const group = await propose(
        ada,
        aPlan({ startsAt: inHours(49.5).toISOString(), inviteeIds: [bob.id, carol.id] }),
      );
      expect(group.status).toBe(201);
    });

    it('gives a slot to one plan only: the second plan in it fails with timeslot_taken', async () => {
      const carol = await t.person();
      const slotId = await t.slot(bob.id, inHours(70), inHours(72));
      const first = (await propose(ada, aPlan({ startsAt: inHours(70).toISOString() }))).body;
      const second = (await propose(carol, aPlan({ startsAt: inHours(71).toISOString() }))).body;
      await act(bob, first.id, 'accept');
      await act(bob, second.id, 'accept');
      await runAgent(first.id);
      await runAgent(second.id);
      expect((await plan(ada, first.id)).status).toBe('booked');
      expect((await plan(carol, second.id)).status).toBe('booking_failed');
      const [failed] = await published(second.id, TOPICS.BOOKING_FAILED);
      expect(failed.data.reason).toBe('timeslot_taken');
      expect(failed.recipientIds).toEqual([carol.id, bob.id]);
      // Nor is the slot open to new plans.
      const again = await propose(carol, aPlan({ startsAt: inHours(71).toISOString() }));
      expect(again.status).toBe(409);
      const [confirmed] = await published(first.id, TOPICS.BOOKING_CONFIRMED);
      expect(confirmed.data.timeslotId).toBe(slotId);
    });

    it('suggests the windows when both people are free', async () => {
      await t.slot(ada.id, inHours(80), inHours(83));
      await t.slot(bob.id, inHours(82), inHours(85));
      await t.slot(bob.id, inHours(90), inHours(91));
      const response = await t.request<{ items: { startsAt: string; endsAt: string }[] }>(
        'GET',
        `/plans/suggestions?with=${bob.id}`,
        { token: ada.token },
      );
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([
        { startsAt: inHours(82).toISOString(), endsAt: inHours(83).toISOString() },
      ]);
      // Someone who publishes no slots is free whenever the other is.
      const carol = await t.person();
      const withAda = await t.request<{ items: { startsAt: string; endsAt: string }[] }>(
        'GET',
        `/plans/suggestions?with=${ada.id}`,
        { token: carol.token },
      );
      expect(withAda.body.items).toEqual([
        { startsAt: inHours(80).toISOString(), endsAt: inHours(83).toISOString() },
      ]);
      const first = await t.request<{ items: unknown[] }>(
        'GET',
        `/plans/suggestions?with=${bob.id}&limit=1`,
        { token: carol.token },
      );
      expect(first.body.items).toHaveLength(1);
      const dan = await t.person();
      const nobodyPublishes = await t.request<{ items: unknown[] }>(
        'GET',
        `/plans/suggestions?with=${dan.id}`,
        { token: carol.token },
      );
      expect(nobodyPublishes.body.items).toEqual([]);
      const self = await t.request<Problem>('GET', `/plans/suggestions?with=${ada.id}`, {
        token: ada.token,
      });
      expect([self.status, self.body.errors?.[0]?.path]).toEqual([400, 'with']);
      const missing = await t.request<Problem>('GET', '/plans/suggestions', { token: ada.token });
      expect([missing.status, missing.body.errors?.[0]?.path]).toEqual([400, 'with']);
      const nobody = await t.request('GET', `/plans/suggestions?with=${randomUUID()}`, {
        token: ada.token,
      });
      expect(nobody.status).toBe(404);
    });

    it('answers suggestions across a block, either way, exactly as for an unknown person', async () => {
      await t.slot(ada.id, inHours(100), inHours(102));
      await t.slot(bob.id, inHours(101), inHours(103));
      const suggest = (who: Person, otherId: string) =>
        t.request<Problem & { items?: unknown[]; traceId?: string }>(
          'GET',
          `/plans/suggestions?with=${otherId}`,
          { token: who.token },
        );
      // Everything but the trace, with the id asked about blanked out.
      const shape = async (who: Person, otherId: string) => {
        const { status, body } = await suggest(who, otherId);
        const { traceId: _traceId, ...rest } = body;
        return { status, body: JSON.parse(JSON.stringify(rest).replaceAll(otherId, '<id>')) };
      };
      expect((await suggest(ada, bob.id)).body.items).toHaveLength(1);
      const unknown = await shape(ada, randomUUID());
      expect(unknown.status).toBe(404);

      await t.block(bob.id, ada.id, 2);
      expect(await shape(ada, bob.id)).toEqual(unknown);
      expect(await shape(bob, ada.id)).toEqual(unknown);

      // An unblock overtaken by the older block, redelivered under a new id, stays unblocked.
      await t.block(bob.id, ada.id, 3, false);
      await t.block(bob.id, ada.id, 2);
      expect((await suggest(ada, bob.id)).body.items).toHaveLength(1);
      expect((await suggest(bob, ada.id)).body.items).toHaveLength(1);

      await t.block(ada.id, bob.id, 2);
      expect(await shape(ada, bob.id)).toEqual(unknown);
      expect(await shape(bob, ada.id)).toEqual(unknown);
    });
  });

  describe('group plans', () => {
    it('books the organizer and those who accepted once the organizer confirms', async () => {
      const [carol, dan] = [await t.person(), await t.person()];
      const { body: created } = await propose(
        ada,
        aPlan({ inviteeIds: [bob.id, carol.id, dan.id] }),
      );
      expect((await act(bob, created.id, 'accept')).body.status).toBe('proposed');
      expect((await act(carol, created.id, 'accept')).status).toBe(200);
      expect((await act(dan, created.id, 'decline')).status).toBe(200);
      expect((await act(dan, created.id, 'decline')).status).toBe(200);
      const confirmed = await act(ada, created.id, 'confirm');
      expect([confirmed.status, confirmed.body]).toEqual([202, { status: 'booking' }]);
      await runAgent(created.id);
      const again = await act(ada, created.id, 'confirm');
      expect([again.status, again.body]).toEqual([202, { status: 'booked' }]);
      // A late yes is recorded; the booking keeps the party counted when it was made.
      const late = await act(dan, created.id, 'accept');
      expect([late.status, late.body.status, late.body.participants[3].status]).toEqual([
        200,
        'booked',
        'accepted',
      ]);
      const booked = await plan(dan, created.id);
      expect(booked.booking?.partySize).toBe(3);
      const updates = await waitFor(() => {
        const found = eventsOf(created.id, TOPICS.PLAN_UPDATED);
        return found.length >= 5 ? found : undefined;
      });
      expect(updates.every((u) => u.recipientIds?.length === 4)).toBe(true);
      expect(eventsOf(created.id, TOPICS.PLAN_CONFIRMED)).toHaveLength(1);
    });
  });

  describe('started plans', () => {
    it('refuses answers and confirmation once the plan has started', async () => {
      const carol = await t.person();
      const { body: created } = await propose(ada, aPlan({ inviteeIds: [bob.id, carol.id] }));
      await t.db.query(
        `UPDATE plans SET starts_at = now() - interval '1 minute', ends_at = now() + interval '1 hour'
         WHERE id = $1`,
        [created.id],
      );
      const answer = await act(bob, created.id, 'accept');
      expect([answer.status, answer.body.code]).toEqual([409, BOOKING_ERRORS.PLAN_STARTED]);
      const confirm = await act(ada, created.id, 'confirm');
      expect([confirm.status, confirm.body.code]).toEqual([409, BOOKING_ERRORS.PLAN_STARTED]);
      expect((await act(ada, created.id, 'cancel')).status).toBe(200);
    });
  });

  describe('cancel', () => {
    it('cancels the plan and its booking, frees the venue, and a repeat changes nothing', async () => {
      const small = await t.venue(2);
      const { body: created } = await propose(ada, aPlan({ venueId: small }));
      await act(bob, created.id, 'accept');
      await runAgent(created.id);
      const cancelled = await act(ada, created.id, 'cancel');
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect(cancelled.body.booking?.status).toBe('cancelled');
      expect((await act(ada, created.id, 'cancel')).status).toBe(200);
      expect((await act(ada, created.id, 'confirm')).status).toBe(409);
      expect((await act(bob, created.id, 'decline')).status).toBe(409);
      const [released] = await published(created.id, TOPICS.BOOKING_CANCELLED);
      expect(released.recipientIds).toEqual([ada.id, bob.id]);
      await t.deliver(released);
      // The seats are free again: another party of two fits the same hour.
      const carol = await t.person();
      const { body: next } = await propose(carol, aPlan({ venueId: small }));
      await act(bob, next.id, 'accept');
      await runAgent(next.id);
      expect((await plan(carol, next.id)).status).toBe('booked');
    });
  });

  describe('deletion', () => {
    it('cancels what the deleted person organizes and removes them from what they were invited to', async () => {
      const carol = await t.person();
      const { body: organized } = await propose(ada, aPlan({ inviteeIds: [bob.id, carol.id] }));
      const { body: coffee } = await propose(bob, aPlan({ inviteeIds: [ada.id] }));
      const { body: group } = await propose(carol, aPlan({ inviteeIds: [ada.id, bob.id] }));
      await t.deleteAccount(ada.id);
      expect((await plan(bob, organized.id)).status).toBe('cancelled');
      expect((await plan(bob, coffee.id)).status).toBe('cancelled');
      const left = await plan(carol, group.id);
      expect(left.status).toBe('proposed');
      expect(left.participants.map((p) => p.userId)).toEqual([carol.id, bob.id]);
      expect((await propose(bob, aPlan({ inviteeIds: [ada.id] }))).status).toBe(404);
      expect((await propose(ada, aPlan())).status).toBe(401);
    });
  });
});
