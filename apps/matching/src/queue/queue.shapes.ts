import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { QueueDifficulty, TicketStatus } from '@rendezvous/contracts';
import { QUEUE_DIFFICULTIES, QUEUE_TOPIC_MAX, TICKET_STATUSES } from '@rendezvous/contracts';

/** A ticket as its owner sees it (API.md, Queue matchmaking). */
export class TicketView {
  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({ minLength: 1, maxLength: QUEUE_TOPIC_MAX, description: 'normalised' })
  topic!: string;

  @ApiProperty({ enum: QUEUE_DIFFICULTIES })
  difficulty!: QueueDifficulty;

  @ApiProperty({ enum: TICKET_STATUSES })
  status!: TicketStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'the pair, while matched or ready' })
  matchId?: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

export class ConfirmReady {
  @ApiProperty({ enum: ['ready'] })
  status!: 'ready';

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;
}

export class ConfirmWaiting {
  @ApiProperty({ enum: ['waiting'] })
  status!: 'waiting';
}

export class ConfirmCancelled {
  @ApiProperty({ enum: ['cancelled'] })
  status!: 'cancelled';
}

/** `POST /matching/queue/matches/:matchId/confirm` (API.md, Queue matchmaking). */
export type ConfirmAnswer = ConfirmReady | ConfirmWaiting | ConfirmCancelled;
