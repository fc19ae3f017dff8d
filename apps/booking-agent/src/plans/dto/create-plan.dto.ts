import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PLAN_LIMITS } from '@rendezvous/contracts';
import {
  Check,
  endsAtProblem,
  IsPostableText,
  Optional,
  startsAtProblem,
} from '@rendezvous/platform';
import { inviteesProblem } from '../plan-rules';

/** POST /plans: the caller organizes; each invitee is told (`plan.invited`). */
export class CreatePlanDto {
  @ApiProperty({ format: 'uuid', description: 'a venue known from reco' })
  @IsUUID('all', { message: 'venueId must be a UUID' })
  venueId: string;

  @ApiProperty({ format: 'date-time', description: 'in the future, with a time zone' })
  @Check('isFutureInstant', (value) => startsAtProblem(value))
  startsAt: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'after startsAt; default one hour on' })
  @Optional()
  @Check('isEndAfterStart', (value, dto) => endsAtProblem(value, dto['startsAt']))
  endsAt?: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: PLAN_LIMITS.INVITEES_MIN,
    maxItems: PLAN_LIMITS.INVITEES_MAX,
    description: 'distinct people, not the caller',
  })
  @Check('isInviteeList', inviteesProblem)
  inviteeIds: string[];

  @ApiPropertyOptional({ maxLength: PLAN_LIMITS.MESSAGE_MAX })
  @Optional()
  @IsPostableText(PLAN_LIMITS.MESSAGE_MAX)
  message?: string;
}
