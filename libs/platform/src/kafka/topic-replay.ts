import { randomUUID } from 'node:crypto';
import type { Logger } from '@nestjs/common';
import type { AnyEnvelope } from '@rendezvous/contracts';
import type { Admin, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { EnvelopeValidator } from './envelope-validator';

interface ReplayReading {
  kafka: Kafka;
  topics: readonly string[];
  /**
   * Only messages stamped at or after this instant (each partition read from the first one, later
   * ones stamped earlier passed over); from the beginning when absent.
   */
  since?: Date;
  /** Aborting stops the replay; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Names the throwaway consumer group (`<groupPrefix>-<uuid>`); `replay` by default. */
  groupPrefix?: string;
}

export interface TopicReplayOptions extends ReplayReading {
  /**
   * Called once per valid envelope, a partition's envelopes in order (partitions one at a time).
   * A message may reach it twice (the group restarting after a broker fault), and the live
   * consumer may apply the same event before or after: make it idempotent, e.g. through the
   * Redis inbox. An error stops the replay, which then rejects with it.
   */
  handle(envelope: AnyEnvelope): Promise<void>;
  logger: Pick<Logger, 'warn'>;
  validator?: EnvelopeValidator;
}

export interface TopicReplaySummary {
  handled: number;
  /** Messages that were not valid envelopes of their topic, logged and passed over. */
  skipped: number;
}

/** One message as read, for replays of what is not an envelope (dead letters). */
export interface ReplayedMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

export interface MessageReplayOptions extends ReplayReading {
  /** As `TopicReplayOptions.handle`, with every message as it is. */
  handle(replayed: ReplayedMessage): Promise<void>;
}

/** Where a partition's replay starts and, exclusive, where it ends. */
interface PartitionRange {
  start: bigint;
  end: bigint;
}

const partitionKey = (topic: string, partition: number) => `${topic}:${partition}`;

/**
 * Reads `topics` as they stand now and hands every envelope to `handle`: from `since` (or the
 * beginning) up to each partition's end offset captured when the replay starts, so it finishes
 * however much is written meanwhile — the live consumer takes those. For writing back state that
 * Redis lost, beside the live consumer: with an inbox-deduped handler the two apply each event
 * once. The consumer group is new each time and commits nothing (no offsets to clean up, no
 * effect on other groups). Invalid messages are logged by position, never their content, and
 * skipped. Resolves once every partition reached its captured end.
 */
export async function replayTopics(options: TopicReplayOptions): Promise<TopicReplaySummary> {
  const validator = options.validator ?? new EnvelopeValidator();
  const summary: TopicReplaySummary = { handled: 0, skipped: 0 };
  await replayMessages({
    ...options,
    handle: async ({ topic, partition, message }) => {
      let envelope: AnyEnvelope;
      try {
        envelope = validator.parse(topic, message.value);
      } catch (error) {
        summary.skipped += 1;
        options.logger.warn(
          {
            topic,
            partition,
            offset: message.offset,
            reason: error instanceof Error ? error.message : String(error),
          },
          'replay skipped a message that is not a valid envelope',
        );
        return;
      }
      await options.handle(envelope);
      summary.handled += 1;
    },
  });
  return summary;
}

/** `replayTopics` for messages that need not be envelopes: each handed over as it is. */
export async function replayMessages(options: MessageReplayOptions): Promise<{ handled: number }> {
  const ranges = await captureRanges(options);
  const pending = new Set(
    [...ranges].filter(([, range]) => range.start < range.end).map(([key]) => key),
  );
  const summary = { handled: 0 };
  if (pending.size === 0) return summary;
  options.signal?.throwIfAborted();

  const since = options.since?.getTime();
  const consumer = options.kafka.consumer({
    groupId: `${options.groupPrefix ?? 'replay'}-${randomUUID()}`,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    maxWaitTimeInMs: 500,
    allowAutoTopicCreation: false,
  });
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  let failed = false;
  const fail = (error: unknown) => {
    failed = true;
    settle.reject(error);
  };
  const reached = (topic: string, partition: number, lastOffset: string) => {
    const key = partitionKey(topic, partition);
    const range = ranges.get(key);
    if (!range || BigInt(lastOffset) + 1n < range.end) return;
    pending.delete(key);
    if (pending.size === 0) settle.resolve();
  };
  const onAbort = () => fail(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });

  // Batches of nothing but control records or compacted-away messages never reach eachBatch.
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    if (payload.batchSize === 0) reached(payload.topic, payload.partition, payload.lastOffset);
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) fail(payload.error);
  });

  const eachBatch = async ({ batch, heartbeat, isStale }: EachBatchPayload) => {
    const range = ranges.get(partitionKey(batch.topic, batch.partition));
    if (!range || failed) return;
    for (const message of batch.messages) {
      // A seek came in (the start offset): this batch is read again from there.
      if (failed || isStale()) return;
      if (BigInt(message.offset) < range.start || BigInt(message.offset) >= range.end) continue;
      if (since !== undefined && Number(message.timestamp) < since) continue;
      try {
        await options.handle({ topic: batch.topic, partition: batch.partition, message });
      } catch (error) {
        fail(error);
        return;
      }
      summary.handled += 1;
      await heartbeat();
    }
    reached(batch.topic, batch.partition, batch.lastOffset());
  };

  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatch });
    // Applied before the first fetch (or, if one started, before the next); without commits a
    // seek only moves the position in memory. Messages before `start` are passed over anyway.
    for (const [key, range] of ranges) {
      if (!pending.has(key) || !options.since) continue;
      const [topic, partition] = splitKey(key);
      consumer.seek({ topic, partition, offset: range.start.toString() });
    }
    await finished;
    return summary;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await consumer.disconnect();
  }
}

function splitKey(key: string): [string, number] {
  const at = key.lastIndexOf(':');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}

/** Each partition's range: `[since or the log start, the end offset now)`. */
async function captureRanges(options: ReplayReading): Promise<Map<string, PartitionRange>> {
  const admin = options.kafka.admin();
  await admin.connect();
  try {
    const ranges = new Map<string, PartitionRange>();
    for (const topic of options.topics) {
      for (const [partition, range] of await topicRanges(admin, topic, options.since)) {
        ranges.set(partitionKey(topic, partition), range);
      }
    }
    return ranges;
  } finally {
    await admin.disconnect();
  }
}

async function topicRanges(
  admin: Admin,
  topic: string,
  since: Date | undefined,
): Promise<Map<number, PartitionRange>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const starts = since
    ? new Map(
        (await admin.fetchTopicOffsetsByTimestamp(topic, since.getTime())).map((p) => [
          p.partition,
          BigInt(p.offset),
        ]),
      )
    : undefined;
  return new Map(
    offsets.map(({ partition, low, high }) => {
      const start = starts?.get(partition) ?? BigInt(low);
      return [partition, { start: start < BigInt(low) ? BigInt(low) : start, end: BigInt(high) }];
    }),
  );
}
