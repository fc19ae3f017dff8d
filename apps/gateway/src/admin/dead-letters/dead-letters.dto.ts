import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DeadLetterStatus } from '@rendezvous/contracts';
import { DEAD_LETTER_STATUSES, NOTE_MAX_LENGTH } from '@rendezvous/contracts';
import { IsOneOf, IsText, ListQueryDto, Optional } from '@rendezvous/platform';

export class DeadLetterQuery extends ListQueryDto {
  @ApiPropertyOptional({
    description: 'the original topic (`user.blocked`) or its DLQ (`user.blocked.dlq`)',
    maxLength: 249,
  })
  @Optional()
  @IsText(249, 1)
  topic?: string;

  @ApiPropertyOptional({ description: 'the consumer group that gave up', maxLength: 255 })
  @Optional()
  @IsText(255, 1)
  consumerGroup?: string;

  @ApiPropertyOptional({ enum: DEAD_LETTER_STATUSES })
  @Optional()
  @IsOneOf(DEAD_LETTER_STATUSES)
  status?: DeadLetterStatus;
}

/** Why an admin replays or discards: audited like every moderator's note (API.md). */
export class DeadLetterNote {
  @ApiProperty({ minLength: 1, maxLength: NOTE_MAX_LENGTH })
  @IsText(NOTE_MAX_LENGTH, 1)
  note: string;
}
