import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { QueueDifficulty, Topic } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import type { RedisStateGuard } from '@rendezvous/platform';
import {
  REDIS,
  REDIS_STATE_LOST,
  RedisStateRebuildingError,
  envelopeStub,
  redisOutboxStream,
  redisStateMarkerKey,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import { MatchingConfig } from '../config';
import { QUEUE_LUA } from './queue-script';
import type { TicketView } from './queue.shapes';

/** A ticket as the script reports it: as its owner sees it, and whose it is. */
export interface StoredTicket extends TicketView {
  userId: string;
}

/** A pair the script just formed, with how long each ticket had waited (ms). */
export interface Paired {
  matchId: string;
  waits: [number, number];
}

export type EnqueueOutcome =
  | { outcome: 'created'; ticket: StoredTicket; paired: Paired[] }
  | { outcome: 'existing' | 'conflict'; ticket: StoredTicket };

export type ConfirmOutcome =
  | { status: 'ready'; sessionId: string; answer?: 'accepted'; paired: Paired[] }
  | { status: 'waiting'; answer?: 'accepted'; paired: Paired[] }
  | { status: 'cancelled'; answer?: 'declined'; paired: Paired[] };

export interface SweepOutcome {
  expired: number;
  timeouts: number;
  paired: Paired[];
}

type QueueCommand =
  | 'enqueue'
  | 'get'
  | 'cancel'
  | 'confirm'
  | 'sweep'
  | 'forget'
  | 'withdraw'
  | 'block'
  | 'waiting'
  | 'restore'
  | 'present';

/** Names the queue's state for its `RedisStateGuard` (marker `state-epoch:matching-queue`). */
export const QUEUE_STATE = 'matching-queue';

/** One block as the Postgres projection holds it, for the rebuild. */
export interface StoredBlock {
  blockerId: string;
  blockedId: string;
  version: number;
  active: boolean;
}

interface QueueRedis extends Redis {
  rendezvousQueue(stream: string, marker: string, ...args: string[]): Promise<string>;
}

/** What the script may emit. */
const QUEUE_TOPICS: readonly Topic[] = [
  TOPICS.QUEUE_TICKET_CREATED,
  TOPICS.QUEUE_TICKET_CANCELLED,
  TOPICS.QUEUE_MATCH_FOUND,
  TOPICS.QUEUE_MATCH_READY,
  TOPICS.QUEUE_MATCH_CANCELLED,
  TOPICS.QUEUE_EXPIRED,
];

/** cjson writes an empty Lua table as `{}`; lists in replies are normalised back. */
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The queue's state in Redis, changed only through the one atomic script. */
@Injectable()
export class QueueStore {
  private readonly redis: QueueRedis;
  private readonly stream = redisOutboxStream('matching');
  private readonly settings: string;
  private readonly markerKey = redisStateMarkerKey(QUEUE_STATE);
  private guard?: RedisStateGuard;

  constructor(@Inject(REDIS) redis: Redis, config: MatchingConfig) {
    this.redis = redis as QueueRedis;
    if (!('rendezvousQueue' in redis)) {
      redis.defineCommand('rendezvousQueue', { numberOfKeys: 2, lua: QUEUE_LUA });
    }
    this.settings = JSON.stringify({
      timeout: config.MATCHING_QUEUE_TIMEOUT_SECONDS * 1000,
      confirm: config.MATCHING_CONFIRM_TIMEOUT_SECONDS * 1000,
      widen: config.MATCHING_QUEUE_WIDEN_AFTER_SECONDS * 1000,
      retention: config.MATCHING_QUEUE_RETENTION_SECONDS,
      depth: 50,
      batch: 200,
    });
  }

  /** The guard told first when a command finds the state lost (it rebuilds at once). */
  guardedBy(guard: RedisStateGuard): void {
    this.guard = guard;
  }

  async enqueue(userId: string, topic: string, difficulty: QueueDifficulty) {
    const reply = await this.run<EnqueueOutcome>('enqueue', userId, topic, difficulty);
    return reply.outcome === 'created' ? { ...reply, paired: list<Paired>(reply.paired) } : reply;
  }

  async get(userId: string, ticketId: string): Promise<StoredTicket | null> {
    return (await this.run<{ ticket?: StoredTicket }>('get', userId, ticketId)).ticket ?? null;
  }

  /** The person's waiting or matched ticket, if any (the script's `ukey` names it). */
  async current(userId: string): Promise<StoredTicket | null> {
    const ticketId = await this.redis.get(`{mq}:u:${userId}`);
    return ticketId ? this.get(userId, ticketId) : null;
  }

  /** The ticket after cancelling; `null` when it is not this person's. */
  async cancel(userId: string, ticketId: string) {
    const reply = await this.run<{ ticket?: StoredTicket; paired?: unknown }>(
      'cancel',
      userId,
      ticketId,
    );
    return reply.ticket ? { ticket: reply.ticket, paired: list<Paired>(reply.paired) } : null;
  }

  /** `null` when the person is not in that pair. */
  async confirm(userId: string, matchId: string, accept: boolean): Promise<ConfirmOutcome | null> {
    const reply = await this.run<Partial<ConfirmOutcome>>(
      'confirm',
      userId,
      matchId,
      accept ? '1' : '0',
    );
    if (!reply.status) return null;
    return { ...reply, paired: list<Paired>(reply.paired) } as ConfirmOutcome;
  }

  async sweep(): Promise<SweepOutcome> {
    const reply = await this.run<SweepOutcome>('sweep');
    return { ...reply, paired: list<Paired>(reply.paired) };
  }

  /** A deleted person's ticket and pending pair are cancelled; their blocks go. */
  async forget(userId: string): Promise<Paired[]> {
    return list<Paired>((await this.run<{ paired?: unknown }>('forget', userId)).paired);
  }

  /**
   * A suspended or banned person's ticket and pending pair are cancelled (reason `unavailable`;
   * the partner goes back to waiting); their blocks stay, for when they come back.
   */
  async withdraw(userId: string): Promise<Paired[]> {
    const reply = await this.run<{ paired?: unknown }>('withdraw', userId, 'unavailable');
    return list<Paired>(reply.paired);
  }

  /** Applies a block or unblock if it is newer (by the blocker's version) than the pair's state. */
  async setBlock(block: StoredBlock): Promise<void> {
    const { blockerId, blockedId, version, active } = block;
    await this.run('block', blockerId, blockedId, String(version), active ? '1' : '0');
  }

  /** The rebuild's writes: blocks from Postgres, accepted while the marker is missing. */
  async restoreBlocks(blocks: readonly StoredBlock[]): Promise<void> {
    const rows = blocks.map((b) => [b.blockerId, b.blockedId, b.version, b.active ? '1' : '0']);
    await this.run('restore', JSON.stringify(rows));
  }

  /** Which of these tickets and pairs Redis still holds. */
  async present(
    ticketIds: readonly string[],
    matchIds: readonly string[],
  ): Promise<{ tickets: Set<string>; pairs: Set<string> }> {
    const reply = await this.run<{ tickets: unknown; pairs: unknown }>(
      'present',
      JSON.stringify(ticketIds),
      JSON.stringify(matchIds),
    );
    return {
      tickets: new Set(list<string>(reply.tickets)),
      pairs: new Set(list<string>(reply.pairs)),
    };
  }

  /** Waiting tickets per `topic:difficulty` bucket; none while the queue is being rebuilt. */
  async waiting(): Promise<Record<string, number>> {
    let counts: unknown;
    try {
      ({ counts } = await this.run<{ counts: unknown }>('waiting'));
    } catch (error) {
      if (error instanceof RedisStateRebuildingError) return {};
      throw error;
    }
    return counts && typeof counts === 'object' && !Array.isArray(counts)
      ? (counts as Record<string, number>)
      : {};
  }

  private async run<T>(command: QueueCommand, ...args: string[]): Promise<T> {
    const reply = await this.redis.rendezvousQueue(
      this.stream,
      this.markerKey,
      command,
      randomUUID(),
      JSON.stringify(envelopeStub('matching', QUEUE_TOPICS)),
      '',
      this.settings,
      ...args,
    );
    if (reply === REDIS_STATE_LOST) {
      if (this.guard) this.guard.lost();
      throw new RedisStateRebuildingError(QUEUE_STATE);
    }
    return JSON.parse(reply) as T;
  }
}
