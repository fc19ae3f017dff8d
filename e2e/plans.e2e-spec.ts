import type { components } from '@rendezvous/api-client';
import { waitFor } from '@rendezvous/testing';
import type { ApiClient, Person } from './support/api-client';
import { signInAdmin, signUp } from './support/api-client';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime } from './support/realtime-client';
import { onTheHour } from './support/on-the-hour';
import { expectData, expectProblem } from './support/typed-api';

const atPlan = (id: string) => ({ params: { path: { id } } });

describe('plans and bookings through the gateway', () => {
  let admin: ApiClient;
  const sockets: RealtimeClient[] = [];
  const phoneOf = async (person: Person) => {
    const socket = await connectRealtime(person.token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    admin = await signInAdmin();
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  const newVenue = async (capacity: number) => {
    const answer = await admin.api.POST('/api/v1/venues', {
      body: {
        name: 'Café Lumen',
        category: 'cafe',
        lat: 48.85,
        lng: 2.35,
        priceLevel: 2,
        capacity,
      },
    });
    return expectData(answer, 201).id;
  };

  /** Proposes once the booking agent knows the venue and people (a 404 before creates nothing). */
  const propose = (organizer: Person, body: components['schemas']['CreatePlanDto']) =>
    waitFor(
      async () => {
        const answer = await organizer.api.POST('/api/v1/plans', { body });
        return answer.response.status === 404 ? undefined : answer;
      },
      { message: 'the booking agent to know the venue and invitees' },
    );

  const freeSlot = async (person: Person, from: number, to: number) => {
    const answer = await person.api.POST('/api/v1/users/me/timeslots', {
      body: { startsAt: onTheHour(from), endsAt: onTheHour(to) },
    });
    return expectData(answer, 201);
  };
  const slotsOf = async (person: Person) =>
    expectData(await person.api.GET('/api/v1/users/me/timeslots'), 200).items;
  const suggestedTo = async (person: Person, other: Person) =>
    expectData(
      await person.api.GET('/api/v1/plans/suggestions', {
        params: { query: { with: other.id } },
      }),
      200,
    ).items;
  const planAsSeenBy = async (person: Person, planId: string) =>
    expectData(await person.api.GET('/api/v1/plans/{id}', atPlan(planId)), 200);

  it('books a coffee meeting in the invitee’s free slot and tells both of them', async () => {
    const [ada, bob] = [await signUp('Ada'), await signUp('Bob')];
    const venueId = await newVenue(10);
    const adaSlot = await freeSlot(ada, 26, 28);
    await freeSlot(bob, 27, 30);
    const [adaPhone, bobPhone] = [await phoneOf(ada), await phoneOf(bob)];

    // Until the booking agent has learned of Bob's slot, Bob publishes none and is free at any
    // time, so the answer is Ada's whole slot; the shared hour comes once it knows both.
    const suggestions = await waitFor(
      async () => {
        const items = await suggestedTo(bob, ada);
        expect(items).toEqual([{ startsAt: onTheHour(27), endsAt: onTheHour(28) }]);
        return items;
      },
      { message: 'the hour Ada and Bob are both free to be suggested' },
    );

    const outside = await propose(bob, { venueId, startsAt: onTheHour(29), inviteeIds: [ada.id] });
    expect(expectProblem(outside, 409).code).toBe('BOOKING.OUTSIDE_FREE_TIMESLOT');
    const proposed = await propose(bob, {
      venueId,
      startsAt: suggestions[0].startsAt,
      inviteeIds: [ada.id],
      message: 'Coffee at Lumen?',
    });
    const planId = expectData(proposed, 201).id;
    const invited = await adaPhone.next('plan.invited', (p) => p.planId === planId);
    expect(invited.payload).toMatchObject({ planId, status: 'proposed' });

    const accepted = await ada.api.POST('/api/v1/plans/{id}/accept', atPlan(planId));
    expect(expectData(accepted, 200).status).toBe('booking');
    const [forAda, forBob] = await Promise.all([
      adaPhone.next('booking.confirmed', (p) => p.planId === planId),
      bobPhone.next('booking.confirmed', (p) => p.planId === planId),
    ]);
    const booked = await planAsSeenBy(bob, planId);
    expect(booked.status).toBe('booked');
    expect(booked.booking).toMatchObject({ partySize: 2, status: 'confirmed' });
    for (const notice of [forAda, forBob]) {
      expect(notice.payload).toMatchObject({
        planId,
        bookingId: booked.booking?.id,
        reference: booked.booking?.reference,
      });
    }

    // Ada's slot is taken now: booked in her list, no longer suggested, closed to new plans.
    await waitFor(
      async () => (await slotsOf(ada)).find((s) => s.id === adaSlot.id)?.status === 'booked',
      { message: 'Ada’s slot to be booked' },
    );
    expect(await suggestedTo(bob, ada)).toEqual([]);
    const carol = await signUp('Carol');
    const late = await propose(carol, { venueId, startsAt: onTheHour(26), inviteeIds: [ada.id] });
    expectProblem(late, 409);

    // Only Bob may cancel; cancelling tells both and frees Ada's slot again.
    expectProblem(await ada.api.POST('/api/v1/plans/{id}/cancel', atPlan(planId)), 403);
    const cancelled = await bob.api.POST('/api/v1/plans/{id}/cancel', atPlan(planId));
    expect(expectData(cancelled, 200).status).toBe('cancelled');
    await adaPhone.next('booking.cancelled', (p) => p.planId === planId);
    await waitFor(
      async () => (await slotsOf(ada)).find((s) => s.id === adaSlot.id)?.status === 'free',
      { message: 'Ada’s slot to be free again' },
    );
    const history = expectData(await ada.api.GET('/api/v1/notifications'), 200);
    expect(history.items.map((n) => n.event)).toEqual(
      expect.arrayContaining([
        'plan.invited',
        'plan.updated',
        'booking.confirmed',
        'booking.cancelled',
      ]),
    );
  });

  it('books a group plan for the organizer and those who accepted, telling everyone', async () => {
    const organizer = await signUp('Olga');
    const invitees = [await signUp('Ivan'), await signUp('Ines'), await signUp('Igor')];
    const venueId = await newVenue(8);
    const phones = await Promise.all([organizer, ...invitees].map(phoneOf));
    const proposed = await propose(organizer, {
      venueId,
      startsAt: onTheHour(50),
      endsAt: onTheHour(53),
      inviteeIds: invitees.map((i) => i.id),
    });
    const planId = expectData(proposed, 201).id;
    for (const phone of phones.slice(1))
      await phone.next('plan.invited', (p) => p.planId === planId);
    const plan = atPlan(planId);
    expectProblem(await organizer.api.POST('/api/v1/plans/{id}/accept', plan), 403);
    expectProblem(await invitees[0].api.POST('/api/v1/plans/{id}/confirm', plan), 403);
    expectData(await invitees[0].api.POST('/api/v1/plans/{id}/accept', plan), 200);
    expectData(await invitees[1].api.POST('/api/v1/plans/{id}/accept', plan), 200);
    expectData(await invitees[2].api.POST('/api/v1/plans/{id}/decline', plan), 200);
    const stranger = await signUp('Sam');
    expectProblem(await stranger.api.GET('/api/v1/plans/{id}', plan), 404);

    const confirms = await Promise.all(
      [1, 2].map(() => organizer.api.POST('/api/v1/plans/{id}/confirm', plan)),
    );
    expect(confirms.map((c) => [c.response.status, c.data?.status])).toEqual([
      [202, 'booking'],
      [202, 'booking'],
    ]);
    const notices = await Promise.all(
      phones.map((phone) => phone.next('booking.confirmed', (p) => p.planId === planId)),
    );
    expect(new Set(notices.map((n) => n.payload.bookingId)).size).toBe(1);
    expect((await planAsSeenBy(invitees[2], planId)).booking?.partySize).toBe(3);
    const bookings = expectData(await invitees[0].api.GET('/api/v1/bookings'), 200);
    expect(bookings.items.map((b) => b.planId)).toContain(planId);
  });
});
