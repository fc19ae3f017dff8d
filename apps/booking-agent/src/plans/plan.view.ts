import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ParticipantRole,
  ParticipantStatus,
  PlanParticipantData,
  PlanStatus,
} from '@rendezvous/contracts';
import {
  PARTICIPANT_ROLES,
  PARTICIPANT_STATUSES,
  PLAN_LIMITS,
  PLAN_STATUSES,
} from '@rendezvous/contracts';
import { BookingView } from './booking.view';

export class PlanParticipantView implements PlanParticipantData {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ enum: PARTICIPANT_ROLES })
  role: ParticipantRole;

  @ApiProperty({ enum: PARTICIPANT_STATUSES })
  status: ParticipantStatus;
}

/** A plan of API.md, as its participants see it. */
export class PlanView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organizerId: string;

  @ApiProperty({ format: 'uuid' })
  venueId: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ type: String, nullable: true, maxLength: PLAN_LIMITS.MESSAGE_MAX })
  message: string | null;

  @ApiProperty({ enum: PLAN_STATUSES })
  status: PlanStatus;

  @ApiProperty({
    type: [PlanParticipantView],
    description: 'the organizer first, then the invitees in the order invited',
  })
  participants: PlanParticipantView[];

  @ApiPropertyOptional({
    type: BookingView,
    description: 'absent until the booking agent has booked the plan',
  })
  booking?: BookingView;
}
