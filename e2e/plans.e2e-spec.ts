import { waitFor } from '@rendezvous/testing';
import type { ApiClient, ApiResponse, Person } from './support/api-client';
import { signInAdmin, signUp } from './support/api-client';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime } from './support/realtime-client';

interface PlanBody {
  id: string;
  status: string;
  participants: { userId: string; role: string; status: string }[];
  booking?: { id: string; reference: string; partySize: number; status: string };
}
interface Slot {
  id: string;
  startsAt: string;
  endsAt: string;
  status: string;
}
interface Problem {
  code: string;
  errors?: { path: string }[];
}

/** An instant `hours` from now, on the hour, so slots and plans line up exactly. */
function inHours(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  at.setUTCMinutes(0, 0, 0);
  return at.toISOString();
}

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
    const response = await admin.post<{ id: string }>('/venues', {
      name: 'Café Lumen',
      category: 'cafe',
      lat: 48.85,
      lng: 2.35,
      priceLevel: 2,
      capacity,
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };

  /** Proposes once the booking agent knows the venue and people (a 404 before creates nothing). */
  const propose = (organizer: Person, body: Record<string, unknown>) =>
    waitFor(
      async () => {
        const response = await organizer.client.post<PlanBody & Problem>('/plans', body);
        return response.status === 404 ? undefined : response;
      },
      { message: 'the booking agent to know the venue and invitees' },
    ) as Promise<ApiResponse<PlanBody & Problem>>;

  const freeSlot = async (person: Person, from: number, to: number) => {
    const response = await person.client.post<Slot>('/users/me/timeslots', {
      startsAt: inHours(from),
      endsAt: inHours(to),
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  it('books a coffee meeting in the invitee’s free slot and tells both of them', async () => {
    const [ada, bob] = [await signUp('Ada'), await signUp('Bob')];
    const venueId = await newVenue(10);
    const adaSlot = await freeSlot(ada, 26, 28);
    await freeSlot(bob, 27, 30);
    const [adaPhone, bobPhone] = [await phoneOf(ada), await phoneOf(bob)];

    const suggestions = await waitFor(
      async () => {
        const response = await bob.client.get<{ items: { startsAt: string; endsAt: string }[] }>(
          `/plans/suggestions?with=${ada.id}`,
        );
        return response.body.items?.length ? response.body.items : undefined;
      },
      { message: 'suggestions for Ada and Bob' },
    );
    expect(suggestions).toEqual([{ startsAt: inHours(27), endsAt: inHours(28) }]);

    const outside = await propose(bob, { venueId, startsAt: inHours(29), inviteeIds: [ada.id] });
    expect([outside.status, outside.body.code]).toEqual([409, 'BOOKING.OUTSIDE_FREE_TIMESLOT']);
    const proposed = await propose(bob, {
      venueId,
      startsAt: suggestions[0].startsAt,
      inviteeIds: [ada.id],
      message: 'Coffee at Lumen?',
    });
    expect(proposed.status).toBe(201);
    const planId = proposed.body.id;
    const invited = await adaPhone.next('plan.invited', (p) => p.planId === planId);
    expect(invited.payload).toMatchObject({ planId, status: 'proposed' });

    const accepted = await ada.client.post<PlanBody>(`/plans/${planId}/accept`);
    expect([accepted.status, accepted.body.status]).toEqual([200, 'booking']);
    const [forAda, forBob] = await Promise.all([
      adaPhone.next('booking.confirmed', (p) => p.planId === planId),
      bobPhone.next('booking.confirmed', (p) => p.planId === planId),
    ]);
    const booked = await bob.client.get<PlanBody>(`/plans/${planId}`);
    expect(booked.body.status).toBe('booked');
    expect(booked.body.booking).toMatchObject({ partySize: 2, status: 'confirmed' });
    for (const notice of [forAda, forBob]) {
      expect(notice.payload).toMatchObject({
        planId,
        bookingId: booked.body.booking?.id,
        reference: booked.body.booking?.reference,
      });
    }

    // Ada's slot is taken now: booked in her list, no longer suggested, closed to new plans.
    await waitFor(
      async () => {
        const slots = await ada.client.get<{ items: Slot[] }>('/users/me/timeslots');
        return slots.body.items.find((s) => s.id === adaSlot.id)?.status === 'booked';
      },
      { message: 'Ada’s slot to be booked' },
    );
    const after = await bob.client.get<{ items: unknown[] }>(`/plans/suggestions?with=${ada.id}`);
    expect(after.body.items).toEqual([]);
    const carol = await signUp('Carol');
    const late = await propose(carol, { venueId, startsAt: inHours(26), inviteeIds: [ada.id] });
    expect(late.status).toBe(409);

    // Only Bob may cancel; cancelling tells both and frees Ada's slot again.
    expect((await ada.client.post(`/plans/${planId}/cancel`)).status).toBe(403);
    const cancelled = await bob.client.post<PlanBody>(`/plans/${planId}/cancel`);
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
    await adaPhone.next('booking.cancelled', (p) => p.planId === planId);
    await waitFor(
      async () => {
        const slots = await ada.client.get<{ items: Slot[] }>('/users/me/timeslots');
        return slots.body.items.find((s) => s.id === adaSlot.id)?.status === 'free';
      },
      { message: 'Ada’s slot to be free again' },
    );
    const history = await ada.client.get<{ items: { event: string }[] }>('/notifications');
    expect(history.body.items.map((n) => n.event)).toEqual(
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
      startsAt: inHours(50),
      endsAt: inHours(53),
      inviteeIds: invitees.map((i) => i.id),
    });
    expect(proposed.status).toBe(201);
    const planId = proposed.body.id;
    for (const phone of phones.slice(1))
      await phone.next('plan.invited', (p) => p.planId === planId);
    expect((await organizer.client.post(`/plans/${planId}/accept`)).status).toBe(403);
    expect((await invitees[0].client.post(`/plans/${planId}/confirm`)).status).toBe(403);
    expect((await invitees[0].client.post(`/plans/${planId}/accept`)).status).toBe(200);
    expect((await invitees[1].client.post(`/plans/${planId}/accept`)).status).toBe(200);
    expect((await invitees[2].client.post(`/plans/${planId}/decline`)).status).toBe(200);
    const stranger = await signUp('Sam');
    expect((await stranger.client.get(`/plans/${planId}`)).status).toBe(404);

    const confirms = await Promise.all(
      [1, 2].map(() => organizer.client.post<{ status: string }>(`/plans/${planId}/confirm`)),
    );
    expect(confirms.map((c) => [c.status, c.body.status])).toEqual([
      [202, 'booking'],
      [202, 'booking'],
    ]);
    const notices = await Promise.all(
      phones.map((phone) => phone.next('booking.confirmed', (p) => p.planId === planId)),
    );
    expect(new Set(notices.map((n) => n.payload.bookingId)).size).toBe(1);
    const plan = await invitees[2].client.get<PlanBody>(`/plans/${planId}`);
    expect(plan.body.booking?.partySize).toBe(3);
    const bookings = await invitees[0].client.get<{ items: { planId: string }[] }>('/bookings');
    expect(bookings.body.items.map((b) => b.planId)).toContain(planId);
  });
});
