import { randomUUID } from 'node:crypto';
import type { UserStateData, Topic } from '@rendezvous/contracts';
import { AUTH_ERRORS, MATCHING_ERRORS, TOPICS, locationCell } from '@rendezvous/contracts';
import { AccountStatusProjection, RedisStandings } from '@rendezvous/platform';
import type { KafkaCollector, Problem } from '@rendezvous/testing';
import {
  aUserStatus,
  collectMessages,
  domainErrorCode,
  testKafka,
  uniqueName,
  waitFor,
  aPartialEnvelope,
} from '@rendezvous/testing';
import { DiscoveryService } from '../src/discovery/discovery.service';
import { MatchesService } from '../src/matches/matches.service';
import { QueueService } from '../src/queue/queue.service';
import { SwipesService } from '../src/swipes/swipes.service';
import type { MatchingTestApp } from './matching-test-app';
import { startMatchingApp } from './matching-test-app';

// Each test lives in its own spot on the map so tests do not see each other's people.
function somewhere() {
  return {
    ...locationCell({ lat: -60 + Math.random() * 120, lng: -170 + Math.random() * 340 }),
    city: null,
  };
}
function near(place: { lat: number; lng: number }, km: number) {
  return { ...locationCell({ lat: place.lat + km / 111.195, lng: place.lng }), city: null };
}

const SUSPENDED = { status: 'suspended' } as const;
const BANNED = { status: 'banned' } as const;
const AUTO_HIDDEN = { hidden: true } as const;

describe('suspended, banned and hidden people in matching', () => {
  let t: MatchingTestApp;
  let discovery: DiscoveryService;
  let swipes: SwipesService;
  let matches: MatchesService;
  let queue: QueueService;
  let collector: KafkaCollector;

  beforeAll(async () => {
    t = await startMatchingApp();
    discovery = t.app.get(DiscoveryService);
    swipes = t.app.get(SwipesService);
    matches = t.app.get(MatchesService);
    queue = t.app.get(QueueService);
    collector = await collectMessages(testKafka(), [
      TOPICS.QUEUE_TICKET_CANCELLED,
      TOPICS.QUEUE_MATCH_CANCELLED,
    ]);
  });

  afterAll(async () => {
    await collector.stop();
    await t.close();
  });

  const ids = async (viewerId: string, eventId?: string) =>
    (await discovery.discover(viewerId, 100, undefined, eventId)).items.map((i) => i.userId);
  const events = <T extends Topic>(topic: T, aggregateId: string) =>
    collector.envelopes(topic, aggregateId);
  const matchedPair = async (a: UserStateData, b: UserStateData) => {
    await swipes.swipe(a.userId, b.userId, 'like');
    const { match } = await swipes.swipe(b.userId, a.userId, 'like');
    if (!match) throw new Error('expected a match');
    return match;
  };

  describe('discovery', () => {
    it('never shows suspended, banned or auto-hidden people, and shows them again once reinstated', async () => {
      const here = somewhere();
      const viewer = await t.person({ profile: { location: here } });
      const [visible, suspended, banned, hidden] = [
        await t.person({ profile: { location: near(here, 1) } }),
        await t.person({ profile: { location: near(here, 2) } }),
        await t.person({ profile: { location: near(here, 3) } }),
        await t.person({ profile: { location: near(here, 4) } }),
      ];
      const unlocated = await t.person();
      expect(await ids(viewer.userId)).toEqual(
        expect.arrayContaining(
          [visible, suspended, banned, hidden, unlocated].map((p) => p.userId),
        ),
      );

      await t.setStanding(suspended.userId, 2, SUSPENDED);
      await t.setStanding(banned.userId, 2, BANNED);
      await t.setStanding(hidden.userId, 2, AUTO_HIDDEN);
      await t.setStanding(unlocated.userId, 2, SUSPENDED);
      const seen = await ids(viewer.userId);
      expect(seen).toContain(visible.userId);
      for (const gone of [suspended, banned, hidden, unlocated]) {
        expect(seen).not.toContain(gone.userId);
      }

      // A moderator's decision lifts the auto-hide; reinstatement ends the suspension.
      await t.setStanding(suspended.userId, 3);
      await t.setStanding(hidden.userId, 3);
      await t.setStanding(unlocated.userId, 3);
      const again = await ids(viewer.userId);
      for (const back of [suspended, hidden, unlocated]) expect(again).toContain(back.userId);
      expect(again).not.toContain(banned.userId);
    });

    it('hides someone whose suspension arrived before their profile, until reinstated', async () => {
      const here = somewhere();
      const viewer = await t.person({ profile: { location: here } });
      const userId = randomUUID();
      await t.setStanding(userId, 2, SUSPENDED);
      await t.person({ userId, profile: { location: near(here, 1) } });
      expect(await ids(viewer.userId)).not.toContain(userId);
      await t.setStanding(userId, 3);
      expect(await ids(viewer.userId)).toContain(userId);
    });

    it('shows someone again when their timed suspension ends, with no event', async () => {
      const here = somewhere();
      const viewer = await t.person({ profile: { location: here } });
      const suspended = await t.person({ profile: { location: near(here, 1) } });
      const suspendedUntil = new Date(Date.now() + 1_500).toISOString();
      await t.setStanding(suspended.userId, 2, { ...SUSPENDED, suspendedUntil });
      expect(await ids(viewer.userId)).not.toContain(suspended.userId);
      await waitFor(async () => (await ids(viewer.userId)).includes(suspended.userId), {
        timeoutMs: 5_000,
        message: 'the suspension to end',
      });
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(suspendedUntil));
    });

    it('keeps a newer standing when an older status event arrives late or again', async () => {
      const here = somewhere();
      const viewer = await t.person({ profile: { location: here } });
      const person = await t.person({ profile: { location: near(here, 1) } });
      await t.setStanding(person.userId, 5, BANNED);
      // Older than the ban, on the same version sequence as user.created/user.updated.
      await t.setStanding(person.userId, 4);
      await t.setStanding(person.userId, 5);
      expect(await ids(viewer.userId)).not.toContain(person.userId);
      expect(await domainErrorCode(swipes.swipe(viewer.userId, person.userId, 'like'))).toBe(
        MATCHING_ERRORS.USER_NOT_FOUND,
      );
    });

    it('with eventId leaves out hidden attendees and a hidden organizer', async () => {
      const eventId = randomUUID();
      const organizer = await t.person();
      const [viewer, visible, suspended, hidden] = [
        await t.person(),
        await t.person(),
        await t.person(),
        await t.person(),
      ];
      await t.deliver(
        aPartialEnvelope(
          TOPICS.EVENT_CREATED,
          { eventId, organizerId: organizer.userId, status: 'scheduled' },
          { aggregateId: eventId, source: 'event' },
        ),
      );
      for (const person of [viewer, visible, suspended, hidden]) {
        await t.deliver(
          aPartialEnvelope(
            TOPICS.EVENT_REGISTRATION_CREATED,
            { registrationId: randomUUID(), eventId, userId: person.userId, status: 'registered' },
            { aggregateId: eventId, source: 'event' },
          ),
        );
      }
      expect((await ids(viewer.userId, eventId)).sort()).toEqual(
        [organizer, visible, suspended, hidden].map((p) => p.userId).sort(),
      );
      await t.setStanding(organizer.userId, 2, BANNED);
      await t.setStanding(suspended.userId, 2, SUSPENDED);
      await t.setStanding(hidden.userId, 2, AUTO_HIDDEN);
      expect(await ids(viewer.userId, eventId)).toEqual([visible.userId]);
    });
  });

  describe('swipes and matches', () => {
    it('hides a match with a suspended or banned person and answers it and them 404', async () => {
      const me = await t.person();
      const [suspended, banned, stranger] = [await t.person(), await t.person(), await t.person()];
      const withSuspended = await matchedPair(me, suspended);
      const withBanned = await matchedPair(me, banned);

      await t.setStanding(suspended.userId, 2, SUSPENDED);
      await t.setStanding(banned.userId, 2, BANNED);
      expect((await matches.listActive(me.userId, 20)).items).toEqual([]);
      for (const match of [withSuspended, withBanned]) {
        expect(await domainErrorCode(matches.unmatch(me.userId, match.id))).toBe(
          MATCHING_ERRORS.MATCH_NOT_FOUND,
        );
      }
      for (const action of ['like', 'pass', 'super_like'] as const) {
        expect(await domainErrorCode(swipes.swipe(stranger.userId, banned.userId, action))).toBe(
          MATCHING_ERRORS.USER_NOT_FOUND,
        );
      }
      expect(await domainErrorCode(swipes.swipe(stranger.userId, suspended.userId, 'like'))).toBe(
        MATCHING_ERRORS.USER_NOT_FOUND,
      );

      // Kept, not ended: reinstated, the match is back and can be swiped and unmatched again.
      await t.setStanding(suspended.userId, 3);
      expect((await matches.listActive(me.userId, 20)).items).toEqual([
        expect.objectContaining({ id: withSuspended.id, userId: suspended.userId }),
      ]);
      expect(await swipes.swipe(stranger.userId, suspended.userId, 'like')).toEqual({
        matched: false,
      });
      await matches.unmatch(me.userId, withSuspended.id);
      expect((await matches.listActive(me.userId, 20)).items).toEqual([]);
    });

    it('still lists and lets people swipe an auto-hidden person', async () => {
      const [me, hidden, stranger] = [await t.person(), await t.person(), await t.person()];
      const match = await matchedPair(me, hidden);
      await t.setStanding(hidden.userId, 2, AUTO_HIDDEN);
      expect((await matches.listActive(me.userId, 20)).items.map((m) => m.id)).toEqual([match.id]);
      expect(await swipes.swipe(stranger.userId, hidden.userId, 'like')).toEqual({
        matched: false,
      });
    });
  });

  describe('queue', () => {
    it("ends a suspended person's waiting ticket", async () => {
      const person = await t.person();
      const { ticket } = await queue.enqueue(person.userId, uniqueName('elixir'), 'easy');
      expect(ticket.status).toBe('waiting');
      await t.setStanding(person.userId, 2, SUSPENDED);
      expect(await queue.get(person.userId, ticket.ticketId)).toMatchObject({
        status: 'cancelled',
      });
      const cancelled = await waitFor(
        () => events(TOPICS.QUEUE_TICKET_CANCELLED, ticket.ticketId)[0],
      );
      expect(cancelled.data).toEqual({
        ticketId: ticket.ticketId,
        userId: person.userId,
        reason: 'unavailable',
      });
    });

    it('ends a ticket made by a request already past its token check when the suspension landed', async () => {
      const topic = uniqueName('zig');
      const [person, partner] = [await t.person(), await t.person()];
      // The suspension is stored as its consumer stores it (Postgres, then the Redis copy token
      // checks read), before this enqueue writes: the consumer's own withdrawal found no ticket.
      await t.db.transaction((tx) =>
        t.app
          .get(AccountStatusProjection)
          .applyIfNewer(tx, aUserStatus(person.userId, SUSPENDED), 2),
      );
      await t.app.get(RedisStandings).applyStatus(aUserStatus(person.userId, SUSPENDED), 2);
      expect(await domainErrorCode(queue.enqueue(person.userId, topic, 'easy'))).toBe(
        AUTH_ERRORS.ACCOUNT_SUSPENDED,
      );
      const { ticket } = await queue.enqueue(partner.userId, topic, 'easy');
      expect(ticket.status).toBe('waiting');
    });

    it('leaves the queue alone for a suspension older than the reinstatement', async () => {
      const person = await t.person();
      await t.setStanding(person.userId, 3);
      const { ticket } = await queue.enqueue(person.userId, uniqueName('ada'), 'easy');
      await t.setStanding(person.userId, 2, SUSPENDED);
      expect(await queue.get(person.userId, ticket.ticketId)).toMatchObject({ status: 'waiting' });
    });

    it('cancels a found pair when one is banned and puts the partner back in line', async () => {
      const topic = uniqueName('ocaml');
      const [partner, banned, later] = [await t.person(), await t.person(), await t.person()];
      const partnerTicket = (await queue.enqueue(partner.userId, topic, 'medium')).ticket;
      const bannedTicket = (await queue.enqueue(banned.userId, topic, 'medium')).ticket;
      const matchId = bannedTicket.matchId ?? '';
      expect(bannedTicket.status).toBe('matched');
      await queue.confirm(partner.userId, matchId, true);
      const laterTicket = (await queue.enqueue(later.userId, topic, 'medium')).ticket;
      expect(laterTicket.status).toBe('waiting');

      await t.setStanding(banned.userId, 2, BANNED);
      // Ahead of Later, who enqueued after the partner: the two are paired at once.
      const partnerAgain = await queue.get(partner.userId, partnerTicket.ticketId);
      expect(partnerAgain).toMatchObject({ ticketId: partnerTicket.ticketId, status: 'matched' });
      expect(partnerAgain.matchId).not.toBe(matchId);
      expect((await queue.get(later.userId, laterTicket.ticketId)).matchId).toBe(
        partnerAgain.matchId,
      );
      expect(await queue.get(banned.userId, bannedTicket.ticketId)).toMatchObject({
        status: 'cancelled',
      });
      expect(await queue.confirm(partner.userId, matchId, true)).toEqual({ status: 'cancelled' });

      const cancelled = await waitFor(() => events(TOPICS.QUEUE_MATCH_CANCELLED, matchId)[0]);
      expect(cancelled.recipientIds).toContain(partner.userId);
      expect(cancelled.data).toMatchObject({
        reason: 'unavailable',
        requeuedTicketIds: [partnerTicket.ticketId],
      });
    });

    it('puts a partner who is alone back to waiting with the original ticket', async () => {
      const topic = uniqueName('fortran');
      const [partner, suspended] = [await t.person(), await t.person()];
      const partnerTicket = (await queue.enqueue(partner.userId, topic, 'hard')).ticket;
      const { matchId } = (await queue.enqueue(suspended.userId, topic, 'hard')).ticket;
      await t.setStanding(suspended.userId, 2, SUSPENDED);
      expect(await queue.get(partner.userId, partnerTicket.ticketId)).toEqual({
        ...partnerTicket,
        status: 'waiting',
        expiresAt: expect.any(String),
      });
      const cancelled = await waitFor(() => events(TOPICS.QUEUE_MATCH_CANCELLED, matchId ?? '')[0]);
      expect(cancelled.data.reason).toBe('unavailable');
    });
  });

  describe('access', () => {
    it("refuses a suspended person's own token with 401 until they are reinstated", async () => {
      const person = await t.person();
      const token = await t.token(person.userId);
      expect((await t.request('GET', '/matching/matches', { token })).status).toBe(200);

      const suspendedUntil = new Date(Date.now() + 3_600_000).toISOString();
      await t.setStanding(person.userId, 2, { ...SUSPENDED, suspendedUntil });
      const refused = await t.request<Problem & Record<string, unknown>>(
        'GET',
        '/matching/discover',
        { token },
      );
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({
        code: AUTH_ERRORS.ACCOUNT_SUSPENDED,
        accountStatus: 'suspended',
        suspendedUntil,
      });
      expect(
        (
          await t.request('POST', '/matching/queue', {
            token,
            body: { topic: 'go', difficulty: 'easy' },
          })
        ).status,
      ).toBe(401);

      await t.setStanding(person.userId, 3);
      expect((await t.request('GET', '/matching/matches', { token })).status).toBe(200);
    });
  });
});
