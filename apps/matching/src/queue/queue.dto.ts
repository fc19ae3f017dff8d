import { ApiProperty } from '@nestjs/swagger';
import type { QueueDifficulty } from '@rendezvous/contracts';
import { QUEUE_DIFFICULTIES, QUEUE_TOPIC_MAX } from '@rendezvous/contracts';
import { Check, IsBool, IsOneOf } from '@rendezvous/platform';
import { IsUUID } from 'class-validator';

export class CreateTicketDto {
  @ApiProperty({
    minLength: 1,
    maxLength: QUEUE_TOPIC_MAX,
    pattern: '\\S',
    description: `case-insensitive; 1 to ${QUEUE_TOPIC_MAX} characters once trimmed`,
  })
  @Check('isTopic', (value) =>
    typeof value === 'string' && value.trim().length >= 1 && value.trim().length <= QUEUE_TOPIC_MAX
      ? null
      : `must be a string of 1 to ${QUEUE_TOPIC_MAX} characters`,
  )
  topic: string;

  @ApiProperty({ enum: QUEUE_DIFFICULTIES })
  @IsOneOf(QUEUE_DIFFICULTIES)
  difficulty: QueueDifficulty;
}

export class ConfirmDto {
  @ApiProperty()
  @IsBool()
  accept: boolean;
}

export const CREATE_TICKET_EXAMPLE: CreateTicketDto = {
  topic: 'Rust lifetimes',
  difficulty: 'medium',
};

export const CONFIRM_EXAMPLE: ConfirmDto = { accept: true };

export class TicketIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ticketId: string;
}

export class QueueMatchIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  matchId: string;
}
