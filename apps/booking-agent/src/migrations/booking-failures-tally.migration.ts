import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed bookings so far go into the stats tallies (`bookingsFailed`), on the day their plan last
 * changed: from now on each failure is tallied when it happens.
 */
export class BookingFailuresTally1765610000000 implements MigrationInterface {
  name = 'BookingFailuresTally1765610000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      INSERT INTO stat_tallies (counter, day, count)
      SELECT 'bookingsFailed', (updated_at AT TIME ZONE 'UTC')::date, count(*)
      FROM plans WHERE status = 'booking_failed' GROUP BY 2
      ON CONFLICT (counter, day) DO UPDATE SET count = stat_tallies.count + EXCLUDED.count`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM stat_tallies WHERE counter = 'bookingsFailed'`);
  }
}
