import { TOPICS } from '@rendezvous/contracts';
import { testKafka, uniqueName } from '@rendezvous/testing';
import type Redis from 'ioredis';
import type { Consumer } from 'kafkajs';

/** When Kafka took a match's `match.created` (the relay's producer time) and when we read it. */
export interface KafkaStamp {
  producedAt: number;
  readAt: number;
}

/**
 * Reads `match.created` as one more consumer group, from the moment it has joined: the
 * message's timestamp is when the matching relay sent it, the read time about when any
 * consumer (the gateway's) could have it.
 */
export async function watchMatchesOnKafka(): Promise<{
  stamps: Map<string, KafkaStamp>;
  stop: () => Promise<void>;
}> {
  const stamps = new Map<string, KafkaStamp>();
  const consumer: Consumer = testKafka().consumer({
    groupId: uniqueName('bench-push-stages'),
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPICS.MATCH_CREATED], fromBeginning: false });
  // The first fetch answered means the group's offsets are set: nothing later is missed.
  const fetched = new Promise<void>((resolve) => {
    const off = consumer.on(consumer.events.FETCH, () => {
      off();
      resolve();
    });
  });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const readAt = performance.timeOrigin + performance.now();
      const envelope = JSON.parse(String(message.value)) as { data: { matchId: string } };
      stamps.set(envelope.data.matchId, { producedAt: Number(message.timestamp), readAt });
    },
  });
  await fetched;
  return { stamps, stop: () => consumer.disconnect() };
}

const ADAPTER_STREAM = 'socket.io:gateway';
const BROADCAST = '3';

/**
 * When the gateway emitted each `match.created` to a person's room: the Socket.IO adapter appends
 * every broadcast to its Redis stream just before the local emit, and the entry id starts with
 * Redis's clock in milliseconds. Keyed `<matchId>|<userId>`.
 */
export async function readEmitStamps(redis: Redis, sinceMs: number): Promise<Map<string, number>> {
  const stamps = new Map<string, number>();
  let start = String(Math.floor(sinceMs));
  for (;;) {
    const entries = await redis.xrange(ADAPTER_STREAM, start, '+', 'COUNT', 1000);
    for (const [id, fields] of entries) {
      const message: Record<string, string> = {};
      for (let i = 0; i < fields.length; i += 2) message[fields[i]] = fields[i + 1];
      if (message['type'] !== BROADCAST || !message['data']?.startsWith('{')) continue;
      const { packet, opts } = JSON.parse(message['data']) as {
        packet: { data?: [string, { matchId?: string }] };
        opts: { rooms: string[] };
      };
      const [event, payload] = packet.data ?? [];
      if (event !== TOPICS.MATCH_CREATED || !payload?.matchId) continue;
      for (const room of opts.rooms) {
        stamps.set(`${payload.matchId}|${room.replace(/^user:/, '')}`, Number(id.split('-')[0]));
      }
    }
    if (entries.length < 1000) return stamps;
    const [last] = entries[entries.length - 1];
    const [ms, seq] = last.split('-');
    start = `${ms}-${Number(seq) + 1}`;
  }
}
