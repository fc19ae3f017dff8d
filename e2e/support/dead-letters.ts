import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';

/**
 * Publishes a `user.blocked` message whose data breaks the event's schema, so every consumer of
 * the topic gives up on it and dead-letters it. It carries an email and an exact position, which
 * the admin must only ever see redacted. `header` is its `x-e2e` header. Returns the message key.
 */
export async function publishMalformed(
  producer: Producer,
  header = 'admin-portal',
): Promise<string> {
  const key = randomUUID();
  await producer.send({
    topic: 'user.blocked',
    messages: [
      {
        key,
        value: JSON.stringify({
          id: randomUUID(),
          type: 'user.blocked',
          schemaVersion: 1,
          occurredAt: new Date().toISOString(),
          source: 'user',
          aggregateId: key,
          aggregateVersion: 1,
          correlationId: randomUUID().replace(/-/g, ''),
          data: { email: 'poison@example.com', location: { lat: 52.520008, lng: 13.404954 } },
        }),
        headers: { 'event-type': 'user.blocked', 'x-e2e': header },
      },
    ],
  });
  return key;
}
