import { isDeepStrictEqual } from 'node:util';
import { waitFor } from '@rendezvous/testing';
import type { Person } from '../support/api-client';
import type { VictimObjects } from './fuzz-parties';
import type { Violation } from './response-checks';

// Fields that move without anyone touching the object: others may register for the victim's
// event, and the victim's last activity is the victim's own.
const VOLATILE = new Set(['lastActiveAt', 'registeredCount', 'waitlistedCount']);
// The contract's bound on cross-service freshness, with a margin.
const FRESHNESS_MS = 2_500;

interface Read {
  name: string;
  path: string;
  /** Lists: items present before must still be there, unchanged; others may add new ones. */
  list?: boolean;
  /** Reduces the object to what nobody but the victim may change. */
  view?: (value: Record<string, unknown>) => unknown;
}

function reads(owned: VictimObjects): Read[] {
  return [
    { name: 'profile', path: '/users/me' },
    { name: 'timeslots', path: '/users/me/timeslots?limit=100', list: true },
    { name: 'connections', path: '/users/me/connections?limit=100', list: true },
    { name: 'blocks', path: '/users/me/blocks?limit=100', list: true },
    { name: 'event', path: `/events/${owned.eventId}` },
    { name: 'plan', path: `/plans/${owned.planId}` },
    { name: 'plans', path: '/plans?limit=100', list: true },
    { name: 'matches', path: '/matching/matches?limit=100', list: true },
    { name: 'bookings', path: '/bookings?limit=100', list: true },
    { name: 'venue', path: `/venues/${owned.venueId}` },
    {
      name: 'queue ticket',
      path: `/matching/queue/${owned.ticketId}`,
      // A waiting ticket expires by itself; only a cancellation is someone's doing.
      view: ({ status, topic, difficulty }) => ({
        topic,
        difficulty,
        cancelled: status === 'cancelled',
      }),
    },
  ];
}

function withoutVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutVolatile);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !VOLATILE.has(key))
      .map(([key, inner]) => [key, withoutVolatile(inner)]),
  );
}

const keyOf = (item: Record<string, unknown>) =>
  String(item.id ?? item.userId ?? item.ticketId ?? JSON.stringify(item));

interface Taken {
  status: number;
  value: unknown;
}

export type VictimSnapshot = Map<string, Taken>;

/**
 * The victim's objects once they have settled: what other services learn from the setup's events
 * (a match turning a connection into a stronger one) arrives within 2 seconds, so the snapshot is
 * taken again until two readings that far apart agree.
 */
export async function settledSnapshot(
  victim: Person,
  owned: VictimObjects,
): Promise<VictimSnapshot> {
  let previous = await snapshotVictim(victim, owned);
  return waitFor(
    async () => {
      await new Promise((resolve) => setTimeout(resolve, FRESHNESS_MS));
      const current = await snapshotVictim(victim, owned);
      const settled = victimChanges(previous, current, owned).length === 0;
      previous = current;
      return settled && current;
    },
    { timeoutMs: 30_000, intervalMs: 0, message: "the victim's objects to settle" },
  );
}

/** What the victim sees of their own objects, read with the victim's own token. */
export async function snapshotVictim(
  victim: Person,
  owned: VictimObjects,
): Promise<VictimSnapshot> {
  const snapshot: VictimSnapshot = new Map();
  for (const read of reads(owned)) {
    const response = await victim.client.get(read.path);
    const body = response.body as Record<string, unknown>;
    snapshot.set(read.name, {
      status: response.status,
      value: withoutVolatile(read.view && response.status === 200 ? read.view(body) : body),
    });
  }
  return snapshot;
}

function listChanges(before: unknown, after: unknown): string | undefined {
  const itemsOf = (page: unknown) =>
    new Map(
      ((page as { items?: Record<string, unknown>[] })?.items ?? []).map((item) => [
        keyOf(item),
        item,
      ]),
    );
  const now = itemsOf(after);
  for (const [key, item] of itemsOf(before)) {
    const later = now.get(key);
    if (!later) return `item ${key} is gone`;
    if (!isDeepStrictEqual(item, later)) {
      return `item ${key} changed from ${JSON.stringify(item)} to ${JSON.stringify(later)}`;
    }
  }
  return undefined;
}

/** The victim's objects that are not as they were before the attackers' requests. */
export function victimChanges(
  before: VictimSnapshot,
  after: VictimSnapshot,
  owned: VictimObjects,
): Violation[] {
  const changes: Violation[] = [];
  for (const read of reads(owned)) {
    const was = before.get(read.name);
    const is = after.get(read.name);
    if (!was || !is) continue;
    let change: string | undefined;
    if (was.status !== is.status) change = `answered ${was.status} before and ${is.status} after`;
    else if (read.list) change = listChanges(was.value, is.value);
    else if (!isDeepStrictEqual(was.value, is.value)) {
      change = `changed from ${JSON.stringify(was.value)} to ${JSON.stringify(is.value)}`;
    }
    if (change) {
      changes.push({
        rule: "another user's object changed",
        route: `victim's ${read.name}`,
        method: 'GET',
        target: read.path,
        input: 'the whole fuzz run, with attackers substituting the victim ids',
        status: is.status,
        body: change.slice(0, 600),
      });
    }
  }
  return changes;
}
