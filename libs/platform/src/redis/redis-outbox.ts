import type { Envelope, ServiceName, Topic } from '@rendezvous/contracts';
import type { NewEvent } from '../kafka/event-factory';
import { buildEnvelope, eventHeaders, publishableJson } from '../kafka/event-factory';

export function redisOutboxStream(service: ServiceName): string {
  return `outbox:${service}`;
}

/**
 * Lua to prepend to a script that changes state in Redis: `outbox_append(stream, args...)`
 * appends the event in the same atomic script as the change (ARCHITECTURE.md, Kafka).
 */
export const REDIS_OUTBOX_LUA = `
local function outbox_append(stream, topic, key, envelope, headers)
  return redis.call('XADD', stream, '*', 'topic', topic, 'key', key, 'envelope', envelope, 'headers', headers)
end
`;

/** The four script arguments `outbox_append` takes, in order, for one event. */
export interface RedisOutboxArgs {
  envelope: Envelope;
  args: [topic: string, key: string, envelope: string, headers: string];
}

export function redisOutboxArgs<T extends Topic>(
  service: ServiceName,
  event: NewEvent<T>,
): RedisOutboxArgs {
  const envelope = buildEnvelope(service, event);
  return {
    envelope,
    args: [
      envelope.type,
      envelope.aggregateId,
      publishableJson(envelope),
      JSON.stringify(eventHeaders(envelope)),
    ],
  };
}
