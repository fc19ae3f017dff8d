import { ApiProperty } from '@nestjs/swagger';
import type { TimeslotStatus } from '@rendezvous/contracts';
import { TIMESLOT_STATUSES } from '@rendezvous/contracts';
import { DATE_TIME, UUID } from '../common/api-schemas';

/** A published time when the person is available (`booked` once a plan's booking holds it). */
export class Timeslot {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty(DATE_TIME)
  startsAt: string;

  @ApiProperty(DATE_TIME)
  endsAt: string;

  @ApiProperty({ enum: TIMESLOT_STATUSES })
  status: TimeslotStatus;
}
