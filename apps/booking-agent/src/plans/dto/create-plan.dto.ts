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

  @ApiProperty({
    format: 'date-time',
    description: 'in the future, with a time zone',
    example: '2030-06-01T18:00:00Z',
  })
  @Check('isFutureInstant', (value) => startsAtProblem(value))
  startsAt: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'after startsAt; default one hour on',
    example: '2030-06-01T19:00:00Z',
  })
  @Optional()
  @Check('isEndAfterStart', (value, dto) => endsAtProblem(value, dto['startsAt']))
  endsAt?: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    minItems: PLAN_LIMITS.INVITEES_MIN,
    maxItems: PLAN_LIMITS.INVITEES_MAX,
    uniqueItems: true,
    description: 'distinct people, not the caller',
  })
  @Check('isInviteeList', inviteesProblem)
  inviteeIds: string[];

  @ApiPropertyOptional({ maxLength: PLAN_LIMITS.MESSAGE_MAX, example: 'Coffee before the talk?' })
  @Optional()
  @IsPostableText(PLAN_LIMITS.MESSAGE_MAX)
  message?: string;
}

/** A valid POST /plans body, shown in the documentation. */
export const CREATE_PLAN_EXAMPLE = {
  venueId: '3f1c2a9e-6b7d-4e2f-9a51-0c8d7e6f5a4b',
  startsAt: '2030-06-01T18:00:00Z',
  endsAt: '2030-06-01T19:00:00Z',
  inviteeIds: ['8a6e0804-2bd0-4672-b79d-d97027f9071a'],
  message: 'Coffee before the talk?',
} satisfies CreatePlanDto;
