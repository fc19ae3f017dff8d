import { ApiProperty } from '@nestjs/swagger';
import type { PlanStatus } from '@rendezvous/contracts';

/** Where a confirmed plan stands: never `proposed` again, and a cancelled plan is refused. */
export type ConfirmedStatus = Exclude<PlanStatus, 'proposed' | 'cancelled'>;

const CONFIRMED_STATUSES: readonly ConfirmedStatus[] = ['booking', 'booked', 'booking_failed'];

/** The answer to POST /plans/:id/confirm. */
export class ConfirmationView {
  @ApiProperty({
    enum: CONFIRMED_STATUSES,
    description: '`booking` the first time; the plan’s current status on a repeat',
  })
  status: ConfirmedStatus;
}
