import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ArrivalStatus } from './registration-rules';

const ARRIVAL_STATUSES: readonly ArrivalStatus[] = ['registered', 'waitlisted'];

/** The answer to a registration: a seat, or a place on the waitlist. */
export class RegistrationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ enum: ARRIVAL_STATUSES })
  status: ArrivalStatus;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: '1 for the first person waiting; only while waitlisted',
  })
  waitlistPosition?: number;
}
