import { ApiProperty } from '@nestjs/swagger';
import type { NotificationPayload } from './notification-map';

/** One entry of a person's notification history (API.md, Real time). */
export class StoredNotification {
  @ApiProperty({ format: 'uuid', description: 'the id of the Kafka event behind it' })
  notificationId!: string;

  @ApiProperty({ description: 'the Socket.IO event name', example: 'match.created' })
  event!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    selfRequired: true,
    required: ['notificationId', 'occurredAt'],
    properties: {
      notificationId: { type: 'string', format: 'uuid' },
      occurredAt: { type: 'string', format: 'date-time' },
    },
    description: "the event's fields (API.md, Real time) plus notificationId and occurredAt",
  })
  payload!: NotificationPayload;
}

export class NotificationPage {
  @ApiProperty({ type: [StoredNotification], description: 'oldest first' })
  items!: StoredNotification[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as `after` for the next page' })
  nextCursor!: string | null;
}
