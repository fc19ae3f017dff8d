import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DecisionAction } from '@rendezvous/contracts';
import { DECISION_ACTIONS, SUSPENSION_MAX_HOURS } from '@rendezvous/contracts';
import { Check, IsNumberIn, IsOneOf, Optional } from '@rendezvous/platform';
import { NoteDto } from '../../moderation/dto/admin-users.dto';

export class DecisionDto extends NoteDto {
  @ApiProperty({ enum: DECISION_ACTIONS })
  @IsOneOf(DECISION_ACTIONS)
  action: DecisionAction;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: SUSPENSION_MAX_HOURS,
    description: 'suspend only; whole hours; absent = until reinstated',
  })
  @Optional()
  @IsNumberIn(1, SUSPENSION_MAX_HOURS, true)
  @Check('onlyWithSuspend', (_value, body) =>
    body['action'] === 'suspend' ? null : 'is allowed only with action suspend',
  )
  durationHours?: number;
}
