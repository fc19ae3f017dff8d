import { Inject, Injectable } from '@nestjs/common';
import type { InterestCategory } from '@rendezvous/contracts';
import type { RedisOutboxArgs, RedisStateGuard } from '@rendezvous/platform';
import {
  REDIS,
  REDIS_INBOX_TTL_SECONDS,
  REDIS_STATE_LOST,
  RedisStateRebuildingError,
  redisInboxKey,
  redisOutboxStream,
  redisStateMarkerKey,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import type { NudgeOutcome } from './encounter-rules';
import type { InterestEntry } from './interest-hasher';
import { SESSION_LUA } from './session-script';

/** A live session as Redis holds it. */
export interface StoredSession {
  token: string;
  userId: string;
  sessionId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  entries: InterestEntry[];
}

export type StartOutcome = 'ok' | 'gone' | 'taken';

/** A deleted person stays refused longer than any access token lives. */
export const GONE_TTL_SECONDS = 86_400;

/** Names proximity's Redis state for its `RedisStateGuard` (marker `state-epoch:proximity`). */
export const PROXIMITY_STATE = 'proximity';

/** One block as the Postgres projection holds it, for the rebuild. */
export interface StoredBlock {
  blockerId: string;
  blockedId: string;
  version: number;
  active: boolean;
}

interface RawSession {
  owner: string;
  sid: string;
  exp: string;
  entries: string;
}

interface ProximityRedis extends Redis {
  rendezvousProximity(
    stream: string,
    marker: string,
    ...args: string[]
  ): Promise<string | number | null>;
}

const encodeEntries = (entries: InterestEntry[]) =>
  JSON.stringify(entries.map((entry) => [entry.hash, entry.category]));

function decode(token: string, raw: RawSession | false): StoredSession | null {
  if (!raw) return null;
  const pairs = JSON.parse(raw.entries) as [string, InterestCategory][];
  return {
    token,
    userId: raw.owner,
    sessionId: raw.sid,
    expiresAt: Number(raw.exp),
    entries: pairs.map(([hash, category]) => ({ hash, category })),
  };
}

/** A person's live session as their data export shows it. */
export interface OwnSession {
  sessionId: string;
  /** Epoch milliseconds; `null` for a session started before start times were kept. */
  startedAt: number | null;
  expiresAt: number;
  entries: InterestEntry[];
}

/** Proximity state in Redis, changed only through the one script. */
@Injectable()
export class SessionStore {
  private readonly redis: ProximityRedis;
  private readonly stream = redisOutboxStream('proximity');
  private readonly markerKey = redisStateMarkerKey(PROXIMITY_STATE);
  private guard?: RedisStateGuard;

  constructor(@Inject(REDIS) redis: Redis) {
    this.redis = redis as ProximityRedis;
    if (!('rendezvousProximity' in redis)) {
      redis.defineCommand('rendezvousProximity', { numberOfKeys: 2, lua: SESSION_LUA });
    }
  }

  /** The guard told first when a command finds the state lost (it rebuilds at once). */
  guardedBy(guard: RedisStateGuard): void {
    this.guard = guard;
  }

  /** Replaces the person's live session; `taken` when the token is someone else's live one. */
  async start(session: StoredSession, event: RedisOutboxArgs): Promise<StartOutcome> {
    return (await this.run(
      'start',
      session.userId,
      session.token,
      session.sessionId,
      String(session.expiresAt),
      encodeEntries(session.entries),
      String(Date.now()),
      ...event.args,
    )) as StartOutcome;
  }

  /** The person's live session, if any. */
  async mine(userId: string): Promise<OwnSession | null> {
    const reply = await this.run('mine', userId);
    if (typeof reply !== 'string') return null;
    const raw = JSON.parse(reply) as {
      sid: string;
      exp: string;
      entries: string;
      started?: string;
    };
    const pairs = JSON.parse(raw.entries) as [string, InterestCategory][];
    return {
      sessionId: raw.sid,
      startedAt: raw.started ? Number(raw.started) : null,
      expiresAt: Number(raw.exp),
      entries: pairs.map(([hash, category]) => ({ hash, category })),
    };
  }

  /** Ends the person's live session; false when they had none. */
  async end(userId: string): Promise<boolean> {
    return (await this.run('end', userId)) === 1;
  }

  /** The id of the person's live session, if any. */
  async liveSessionId(userId: string): Promise<string | null> {
    const sid = await this.run('live', userId);
    return typeof sid === 'string' ? sid : null;
  }

  /**
   * Ends this session of the person's, with its event, if it is still their live one; `false`
   * when another has replaced it or it ended meanwhile.
   */
  async endWithEvent(userId: string, sessionId: string, event: RedisOutboxArgs): Promise<boolean> {
    return (await this.run('end', userId, sessionId, ...event.args)) === 1;
  }

  /** The rebuild's writes: blocks and recent tombstones from Postgres. */
  async restore(blocks: readonly StoredBlock[], deletedUserIds: readonly string[]): Promise<void> {
    const rows = blocks.map((b) => [b.blockerId, b.blockedId, b.version, b.active ? '1' : '0']);
    await this.run(
      'restore',
      JSON.stringify(rows),
      JSON.stringify(deletedUserIds),
      String(GONE_TTL_SECONDS),
    );
  }

  /** Which of these sessions Redis still holds as their person's live one. */
  async present(sessions: readonly { userId: string; sessionId: string }[]): Promise<Set<string>> {
    const reply = JSON.parse(
      String(
        await this.run('present', JSON.stringify(sessions.map((s) => [s.userId, s.sessionId]))),
      ),
    ) as unknown;
    return new Set(Array.isArray(reply) ? (reply as string[]) : []);
  }

  async look(
    ownToken: string,
    otherToken: string,
  ): Promise<{ own: StoredSession | null; other: StoredSession | null }> {
    const reply = JSON.parse(String(await this.run('look', ownToken, otherToken))) as {
      own: RawSession | false;
      other: RawSession | false;
    };
    return { own: decode(ownToken, reply.own), other: decode(otherToken, reply.other) };
  }

  /** Marks the pair nudged and appends the nudge, unless it was nudged, blocked or ended. */
  async nudge(own: StoredSession, other: StoredSession, event: RedisOutboxArgs) {
    return (await this.run(
      'nudge',
      own.token,
      own.sessionId,
      other.token,
      other.sessionId,
      ...event.args,
    )) as NudgeOutcome;
  }

  /** A deleted person: session and blocks gone, new sessions refused. Once per event id. */
  async forget(eventId: string, userId: string): Promise<void> {
    await this.run(
      'forget',
      redisInboxKey('proximity', eventId),
      String(REDIS_INBOX_TTL_SECONDS),
      userId,
      String(GONE_TTL_SECONDS),
    );
  }

  /** Applies a block or unblock if it is newer than what is known of the pair. */
  async setBlock(
    eventId: string,
    blockerId: string,
    blockedId: string,
    version: number,
    active: boolean,
  ): Promise<void> {
    await this.run(
      'block',
      redisInboxKey('proximity', eventId),
      String(REDIS_INBOX_TTL_SECONDS),
      blockerId,
      blockedId,
      String(version),
      active ? '1' : '0',
    );
  }

  /** Sessions that have not expired or ended; none while Redis's lost state is rebuilt. */
  async activeCount(): Promise<number> {
    try {
      return Number(await this.run('active', String(Date.now())));
    } catch (error) {
      if (error instanceof RedisStateRebuildingError) return 0;
      throw error;
    }
  }

  private async run(command: string, ...args: string[]): Promise<string | number | null> {
    const reply = await this.redis.rendezvousProximity(
      this.stream,
      this.markerKey,
      command,
      ...args,
    );
    if (reply === REDIS_STATE_LOST) {
      if (this.guard) this.guard.lost();
      throw new RedisStateRebuildingError(PROXIMITY_STATE);
    }
    return reply;
  }
}
