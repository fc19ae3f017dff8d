import { ApiProperty } from '@nestjs/swagger';

const count = () => ApiProperty({ type: 'integer', minimum: 0 });

/** `GET /admin/stats` (API.md, Admin). */
export class AdminStats {
  @count() usersTotal!: number;
  @count() swipesToday!: number;
  @count() matchesToday!: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'matches today ÷ likes today' })
  mutualMatchRate!: number;
  @count() queueWaiting!: number;
  @count() activeProximitySessions!: number;
  @count() eventsScheduled!: number;
  @count() registrationsToday!: number;
  @count() bookingsConfirmedToday!: number;
  @count() bookingsFailedToday!: number;
  @count() reportsOpen!: number;
}

/** One UTC day of `GET /admin/stats/daily` (API.md, Admin). */
export class DailyStats {
  @ApiProperty({ format: 'date', example: '2026-12-04' }) day!: string;
  @count() signups!: number;
  @count() swipes!: number;
  @count() likes!: number;
  @count() matches!: number;
  @count() registrations!: number;
  @count() bookingsConfirmed!: number;
  @count() bookingsFailed!: number;
  @count() reports!: number;
}

export class DailyStatsList {
  @ApiProperty({ type: [DailyStats], description: 'oldest first, one per UTC day' })
  items!: DailyStats[];
}
