import { DLQ_RETENTION_MS } from '@rendezvous/contracts';
import { deadLetterExpiresAt } from './dead-letter-retention';

describe(deadLetterExpiresAt.name, () => {
  const failedAt = '2026-12-04T10:00:00.000Z';

  it('ends with the 14 days a DLQ keeps its messages', () => {
    expect(deadLetterExpiresAt({ topic: 'user.blocked.dlq', failedAt })).toBe(
      Date.parse(failedAt) + DLQ_RETENTION_MS,
    );
  });

  it('ends sooner on the DLQ of a short-retention topic, which keeps no longer than the topic', () => {
    expect(deadLetterExpiresAt({ topic: 'export.part.dlq', failedAt })).toBe(
      Date.parse(failedAt) + 24 * 3_600_000,
    );
  });
});
