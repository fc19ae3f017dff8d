import { ApiProperty } from '@nestjs/swagger';
import type { BookingStatus } from '@rendezvous/contracts';
import { BOOKING_STATUSES } from '@rendezvous/contracts';

/** A booking of API.md: the venue's seats held for a plan. */
export class BookingView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  planId: string;

  @ApiProperty({ format: 'uuid' })
  venueId: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'the organizer plus the invitees who had accepted when it was booked',
  })
  partySize: number;

  @ApiProperty({ description: 'the venue’s reference for the booking' })
  reference: string;

  @ApiProperty({ enum: BOOKING_STATUSES })
  status: BookingStatus;
}
