import { randomUUID } from 'node:crypto';
import type { FaultClient } from './fault-client';
import type { FaultPerson } from './fault-person';

/** How much work a scenario offers, spread over `spreadMs` (the run: 60, 25, 25 over 25 s). */
export interface WorkloadSize {
  mutualLikes: number;
  coffeePlans: number;
  queuePairs: number;
  /** People waiting alone in the queue across the fault: their tickets must outlive it or be reported. */
  queueWaits: number;
  spreadMs: number;
}

/** One operation the API accepted, and how to tell later whether its effect was kept. */
export interface Accepted {
  kind: 'mutual like' | 'coffee plan' | 'queue pair' | 'queue wait';
  verify(): Promise<Outcome>;
}

/** `reported`: Redis-held state was lost and its owners were told (queue `lost`). */
export type Outcome = 'kept' | 'reported' | 'lost' | 'duplicated';

export interface Pools {
  /** Everyone taking part; pairs for likes are drawn so no two people meet twice. */
  people: FaultPerson[];
  venueId: string;
  /** Hours ahead for the next coffee plan, so no two plans share a slot. */
  nextPlanHour: { value: number };
  usedPairs: Set<string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Two people who never swiped on each other, drawn from the pool. */
function freshPair(pools: Pools): [FaultPerson, FaultPerson] {
  const { people, usedPairs } = pools;
  for (let tries = 0; tries < 10_000; tries += 1) {
    const a = people[Math.floor(Math.random() * people.length)];
    const b = people[Math.floor(Math.random() * people.length)];
    const key = [a.id, b.id].sort().join(':');
    if (a !== b && !usedPairs.has(key)) {
      usedPairs.add(key);
      return [a, b];
    }
  }
  throw new Error('the pool has no fresh pair left: make it larger');
}

const accepted = (status: number) => status >= 200 && status < 300;

/** Both like each other; kept when both see one match with the other and got `match.created`. */
export async function mutualLike(pools: Pools): Promise<Accepted | null> {
  const [a, b] = freshPair(pools);
  const swipe = (from: FaultPerson, to: FaultPerson) =>
    from.client.call('POST', '/matching/swipes', { targetUserId: to.id, action: 'like' });
  const first = await swipe(a, b);
  const second = await swipe(b, a);
  // A retried swipe the service already applied answers 409: accepted all the same.
  if (![first, second].every((r) => accepted(r.status) || r.status === 409)) return null;
  return {
    kind: 'mutual like',
    verify: async () => {
      const matchesOf = async (person: FaultPerson, partner: FaultPerson) => {
        const answer = await person.client.call('GET', '/matching/matches');
        const items = (answer.body?.items ?? []) as { id: string; userId: string }[];
        return items.filter((m) => m.userId === partner.id).map((m) => m.id);
      };
      const [forA, forB] = [await matchesOf(a, b), await matchesOf(b, a)];
      if (forA.length > 1 || forB.length > 1) return 'duplicated';
      if (forA.length === 0 || forB.length === 0) return 'lost';
      const told = (person: FaultPerson, partner: FaultPerson) =>
        new Set(
          person
            .seen('match.created', (p) => p.partnerId === partner.id)
            .map((n) => n.payload.matchId),
        );
      const [toldA, toldB] = [told(a, b), told(b, a)];
      if (toldA.size > 1 || toldB.size > 1) return 'duplicated';
      return toldA.size === 1 && toldB.size === 1 ? 'kept' : 'lost';
    },
  };
}

/** A coffee meeting proposed and accepted; kept when it is booked once and both were told. */
export async function coffeePlan(pools: Pools): Promise<Accepted | null> {
  const [organizer, invitee] = freshPair(pools);
  pools.nextPlanHour.value += 1;
  const startsAt = new Date(
    Math.ceil(Date.now() / 3_600_000) * 3_600_000 + pools.nextPlanHour.value * 3_600_000,
  ).toISOString();
  const proposed = await organizer.client.call('POST', '/plans', {
    venueId: pools.venueId,
    startsAt,
    inviteeIds: [invitee.id],
    message: 'Coffee?',
  });
  if (proposed.status !== 201) return null;
  const planId = proposed.body?.id as string;
  const accept = await invitee.client.call('POST', `/plans/${planId}/accept`);
  if (!accepted(accept.status)) return null;
  return {
    kind: 'coffee plan',
    verify: async () => {
      const answer = await organizer.client.call('GET', `/plans/${planId}`);
      const booking = answer.body?.booking;
      if (answer.body?.status !== 'booked' || !isRecord(booking)) return 'lost';
      const bookings = await organizer.client.call('GET', '/bookings?limit=100');
      const forPlan = ((bookings.body?.items ?? []) as { planId: string }[]).filter(
        (b) => b.planId === planId,
      );
      if (forPlan.length > 1) return 'duplicated';
      const told = (person: FaultPerson) =>
        new Set(
          person
            .seen('booking.confirmed', (p) => p.planId === planId)
            .map((n) => n.payload.bookingId),
        );
      const [toOrganizer, toInvitee] = [told(organizer), told(invitee)];
      if (toOrganizer.size > 1 || toInvitee.size > 1) return 'duplicated';
      return toOrganizer.size === 1 && toInvitee.size === 1 ? 'kept' : 'lost';
    },
  };
}

interface QueueTicket {
  ticketId: string;
  status: string;
  matchId?: string;
}

/**
 * Two people join the same topic and both confirm. Kept when both got `queue.match_ready` with
 * one session; reported when the queue lost their state and told them (`lost`), and the pair's
 * confirmations are safe to repeat, so a client that saw a 503 simply confirms again.
 */
export async function queuePair(pools: Pools): Promise<Accepted | null> {
  const people = pools.people.filter((p) => !busyInQueue.has(p));
  const a = people[Math.floor(Math.random() * people.length)];
  const b = people.find((p) => p !== a && Math.random() < 0.2) ?? people.find((p) => p !== a);
  if (!a || !b) throw new Error('the pool has too few people for the queue');
  busyInQueue.add(a).add(b);
  const topic = `fault ${randomUUID().slice(0, 8)}`;
  const join = (person: FaultPerson) =>
    person.client.call('POST', '/matching/queue', { topic, difficulty: 'medium' });
  const first = await join(a);
  const second = await join(b);
  if (!accepted(first.status) || !accepted(second.status)) {
    busyInQueue.delete(a);
    busyInQueue.delete(b);
    return null;
  }
  const tickets = [first.body as unknown as QueueTicket, second.body as unknown as QueueTicket];
  const matchId = await pairedMatch(b.client, tickets[1]);
  if (matchId) {
    await b.client.call('POST', `/matching/queue/matches/${matchId}/confirm`, { accept: true });
    await a.client.call('POST', `/matching/queue/matches/${matchId}/confirm`, { accept: true });
  }
  return {
    kind: 'queue pair',
    verify: async () => {
      busyInQueue.delete(a);
      busyInQueue.delete(b);
      const outcomeFor = (person: FaultPerson, ticketId: string): Outcome => {
        const ready = new Set(
          person
            .seen('queue.match_ready', (p) => p.matchId === matchId)
            .map((n) => n.payload.sessionId),
        );
        if (ready.size > 1) return 'duplicated';
        if (ready.size === 1) return 'kept';
        const told =
          person.seen('queue.match_cancelled', (p) => p.matchId === matchId).length > 0 ||
          person.seen('queue.expired', (p) => p.ticketId === ticketId).length > 0;
        return told ? 'reported' : 'lost';
      };
      const outcomes = [outcomeFor(a, tickets[0].ticketId), outcomeFor(b, tickets[1].ticketId)];
      for (const worst of ['duplicated', 'lost', 'reported'] as const) {
        if (outcomes.includes(worst)) return worst;
      }
      return 'kept';
    },
  };
}

/**
 * Someone joins a topic nobody else joins and waits across the fault. Kept when the ticket is
 * still waiting afterwards; reported when Redis lost it and its owner was told (`queue.expired`,
 * reason `lost`). The ticket is left afterwards, so the person is free for the next scenario.
 */
export async function queueWait(pools: Pools): Promise<Accepted | null> {
  const person = pools.people.find((p) => !busyInQueue.has(p));
  if (!person) throw new Error('the pool has too few people for the queue');
  busyInQueue.add(person);
  const joined = await person.client.call('POST', '/matching/queue', {
    topic: `alone ${randomUUID().slice(0, 8)}`,
    difficulty: 'easy',
  });
  if (!accepted(joined.status)) {
    busyInQueue.delete(person);
    return null;
  }
  const ticketId = joined.body?.ticketId as string;
  // Seen waiting after the fault, the ticket is then left: later checks must not call it lost.
  let leftWaiting: Outcome | undefined;
  return {
    kind: 'queue wait',
    verify: async () => {
      if (leftWaiting) return leftWaiting;
      const ticket = await person.client.call('GET', `/matching/queue/${ticketId}`);
      const told = person.seen('queue.expired', (p) => p.ticketId === ticketId);
      if (ticket.status === 200 && ticket.body?.status === 'waiting') {
        await person.client.call('DELETE', `/matching/queue/${ticketId}`);
        busyInQueue.delete(person);
        leftWaiting = told.length > 0 ? 'duplicated' : 'kept';
        return leftWaiting;
      }
      if (told.length === 0) return 'lost';
      busyInQueue.delete(person);
      return told.some((n) => n.payload.reason === 'lost') ? 'reported' : 'kept';
    },
  };
}

/** People with a ticket in flight: a second ticket of theirs would be answered 409. */
const busyInQueue = new Set<FaultPerson>();

async function pairedMatch(client: FaultClient, ticket: QueueTicket): Promise<string | undefined> {
  if (ticket.matchId) return ticket.matchId;
  const answer = await client.call('GET', `/matching/queue/${ticket.ticketId}`);
  return (answer.body?.matchId as string | undefined) ?? undefined;
}
