import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per slot and plan, the latest booking state seen (by the plan's version). `booking.confirmed`
 * and `booking.cancelled` are separate topics and may arrive in either order, so the slot's
 * status is derived from these rows rather than from the last event to arrive.
 */
export class TimeslotBookings1764800000000 implements MigrationInterface {
  name = 'TimeslotBookings1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE timeslot_bookings (
        timeslot_id uuid NOT NULL REFERENCES timeslots (id) ON DELETE CASCADE,
        plan_id uuid NOT NULL,
        version integer NOT NULL,
        confirmed boolean NOT NULL,
        PRIMARY KEY (timeslot_id, plan_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE timeslot_bookings');
  }
}
