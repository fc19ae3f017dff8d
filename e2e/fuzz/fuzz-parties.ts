import { randomUUID } from 'node:crypto';
import { waitFor } from '@rendezvous/testing';
import type { ApiClient, ApiResponse, Person } from '../support/api-client';
import { signInAdmin, signUp } from '../support/api-client';
import { IdPool } from './id-pool';

/**
 * The people of a fuzz run: a victim who owns one of everything, the friend and the person they
 * need for that, attackers who send the fuzzed requests, and the suite's admin.
 */
export interface FuzzParties {
  victim: Person;
  attackers: Person[];
  admin: ApiClient;
  /** The victim's objects, by kind, for the victim snapshot and for fuzzed ids. */
  owned: VictimObjects;
  ids: IdPool;
}

export interface VictimObjects {
  eventId: string;
  timeslotId: string;
  planId: string;
  venueId: string;
  ticketId: string;
  matchId: string;
}

const HOUR_MS = 3_600_000;
const SIGNUP_BATCH = 3;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR_MS).toISOString();

function expectCreated<T>(response: ApiResponse<T>, what: string): T {
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(
      `fuzz setup: ${what} answered ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return response.body;
}

/** Retries a create that needs another service to have learned of someone first. */
function once<T>(what: string, create: () => Promise<ApiResponse<T>>): Promise<T> {
  return waitFor(
    async () => {
      const response = await create();
      return response.status === 404 ? undefined : expectCreated(response, what);
    },
    { timeoutMs: 15_000, intervalMs: 200, message: what },
  );
}

async function victimWorld(victim: Person, friend: Person, blocked: Person, venueId: string) {
  const client = victim.client;
  expectCreated(
    await client.request('PATCH', '/users/me', {
      body: {
        headline: 'Owns one of everything',
        bio: 'The person whose objects the fuzzer must leave alone.',
        interests: ['chess', 'rust'],
        location: { lat: 48.8566, lng: 2.3522, city: 'Paris' },
      },
    }),
    'victim profile',
  );
  expectCreated(
    await client.request('PUT', '/users/me/preferences', {
      body: { ageMin: 25, ageMax: 60, distanceKm: 80 },
    }),
    'victim preferences',
  );
  const slot = expectCreated(
    await client.post<{ id: string }>('/users/me/timeslots', {
      startsAt: inHours(72),
      endsAt: inHours(73),
    }),
    'victim timeslot',
  );
  const event = expectCreated(
    await client.post<{ id: string }>('/events', {
      title: 'Victim meetup',
      description: 'Only the organizer may change it.',
      category: 'networking',
      tags: ['fuzz'],
      startsAt: inHours(48),
      endsAt: inHours(50),
      location: { name: 'Station F', lat: 48.8343, lng: 2.3713 },
      capacity: 50,
    }),
    'victim event',
  );
  expectCreated(
    await client.post('/users/me/connections', { userId: friend.id }),
    'victim connection',
  );
  expectCreated(
    await friend.client.post(`/users/me/connections/${victim.id}/accept`),
    'friend accepts the connection',
  );
  expectCreated(await client.post('/users/me/blocks', { userId: blocked.id }), 'victim block');
  await once('victim swipe', () =>
    client.post('/matching/swipes', { targetUserId: friend.id, action: 'like' }),
  );
  const swipe = await once('friend swipe', () =>
    friend.client.post<{ match?: { id: string } }>('/matching/swipes', {
      targetUserId: victim.id,
      action: 'like',
    }),
  );
  const plan = await once('victim plan', () =>
    client.post<{ id: string }>('/plans', {
      venueId,
      startsAt: inHours(96),
      inviteeIds: [friend.id],
      message: 'Coffee?',
    }),
  );
  const ticket = expectCreated(
    await client.post<{ ticketId: string }>('/matching/queue', {
      topic: `fuzz-${randomUUID().slice(0, 8)}`,
      difficulty: 'hard',
    }),
    'victim queue ticket',
  );
  return {
    eventId: event.id,
    timeslotId: slot.id,
    planId: plan.id,
    venueId,
    ticketId: ticket.ticketId,
    matchId: swipe.match?.id ?? '',
  };
}

export async function setUpParties(attackerCount: number): Promise<FuzzParties> {
  const admin = await signInAdmin();
  const venue = expectCreated(
    await admin.post<{ id: string }>('/venues', {
      name: 'Fuzz Cafe',
      category: 'cafe',
      lat: 48.8566,
      lng: 2.3522,
      priceLevel: 2,
      capacity: 10,
    }),
    'venue',
  );
  const [victim, friend, blocked] = await Promise.all([
    signUp('Vera'),
    signUp('Finn'),
    signUp('Blake'),
  ]);
  const attackers: Person[] = [];
  // A few at a time: password hashing is slow on purpose, and a burst of signups times out.
  while (attackers.length < attackerCount) {
    const batch = Math.min(SIGNUP_BATCH, attackerCount - attackers.length);
    attackers.push(...(await Promise.all(Array.from({ length: batch }, () => signUp('Mallory')))));
  }
  const owned = await victimWorld(victim, friend, blocked, venue.id);
  const ids = new IdPool();
  for (const person of [victim, friend, blocked, attackers[0]]) ids.add('user', person.id);
  ids.add('event', owned.eventId);
  ids.add('timeslot', owned.timeslotId);
  ids.add('plan', owned.planId);
  ids.add('venue', owned.venueId);
  ids.add('ticket', owned.ticketId);
  ids.add('match', owned.matchId);
  return { victim, attackers, admin, owned, ids };
}
