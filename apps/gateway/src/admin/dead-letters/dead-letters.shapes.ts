import { ApiProperty } from '@nestjs/swagger';
import type { DeadLetterStatus } from '@rendezvous/contracts';
import { DEAD_LETTER_STATUSES } from '@rendezvous/contracts';

const nullableText = (description: string) =>
  ApiProperty({ type: 'string', nullable: true, description });

/** One dead letter in `GET /admin/dead-letters` (API.md, Operations). */
export class DeadLetterItemShape {
  @ApiProperty({ format: 'uuid', description: 'stable: derived from its place in its DLQ' })
  id!: string;
  @ApiProperty({ example: 'user.blocked.dlq', description: 'the DLQ it sits in' })
  topic!: string;
  @ApiProperty({ example: 'user.blocked', description: 'where a replay publishes it' })
  originalTopic!: string;
  @nullableText('the consumer group that gave up on it') consumerGroup!: string | null;
  @nullableText('why (the `dlq-error` header)') error!: string | null;
  @ApiProperty({ format: 'date-time', description: 'when it was parked' })
  failedAt!: string;
  @nullableText('the message key') key!: string | null;
  @nullableText('the envelope’s `id`, when the value is an envelope') eventId!: string | null;
  @nullableText('the envelope’s `type`, when the value is an envelope') eventType!: string | null;
  @ApiProperty({ enum: DEAD_LETTER_STATUSES }) status!: DeadLetterStatus;
}

/** `GET /admin/dead-letters/:id`: the item plus the message. */
export class DeadLetterShape extends DeadLetterItemShape {
  @ApiProperty({
    oneOf: [
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
    ],
    nullable: true,
    description:
      'the message value: parsed JSON when it is JSON, else the text; emails and exact coordinates replaced by `[redacted]`',
  })
  value!: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'the DLQ message’s headers: the original ones plus the `dlq-*` ones',
  })
  headers!: Record<string, string>;
}
