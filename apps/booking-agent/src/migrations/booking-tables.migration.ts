import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Projections (people, venues, timeslots), plans with participants, bookings, reservations. */
export class BookingTables1764900000000 implements MigrationInterface {
  name = 'BookingTables1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    // From user.created / user.deleted; a deletion leaves a tombstone.
    await runner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        version integer NOT NULL DEFAULT 0,
        deleted_at timestamptz
      )`);
    // From venue.created / venue.updated, applied when newer.
    await runner.query(`
      CREATE TABLE venues (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        capacity integer NOT NULL CHECK (capacity >= 1),
        version integer NOT NULL
      )`);
    // From timeslot.*, applied when newer; a deleted slot stays as a tombstone.
    await runner.query(`
      CREATE TABLE timeslots (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        version integer NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX timeslots_of_user ON timeslots (user_id, starts_at) WHERE NOT deleted',
    );
    await runner.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY,
        organizer_id uuid NOT NULL,
        venue_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        message text,
        status text NOT NULL DEFAULT 'proposed'
          CHECK (status IN ('proposed', 'booking', 'booked', 'booking_failed', 'cancelled')),
        timeslot_id uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await runner.query(`
      CREATE TABLE participants (
        plan_id uuid NOT NULL REFERENCES plans (id),
        user_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('organizer', 'invitee')),
        status text NOT NULL CHECK (status IN ('accepted', 'invited', 'declined')),
        position smallint NOT NULL,
        PRIMARY KEY (plan_id, user_id)
      )`);
    await runner.query('CREATE INDEX participants_user ON participants (user_id)');
    // One booking per plan, ever; one confirmed booking per invitee timeslot.
    await runner.query(`
      CREATE TABLE bookings (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL UNIQUE REFERENCES plans (id),
        venue_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        party_size integer NOT NULL CHECK (party_size >= 1),
        reference text NOT NULL,
        status text NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
        timeslot_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX bookings_one_per_timeslot ON bookings (timeslot_id)
       WHERE status = 'confirmed' AND timeslot_id IS NOT NULL`,
    );
    // The in-house provider's own ledger: idempotent by request key (the plan id).
    await runner.query(`
      CREATE TABLE venue_reservations (
        request_key text PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        venue_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        party_size integer NOT NULL CHECK (party_size >= 1),
        released_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX venue_reservations_held ON venue_reservations (venue_id, starts_at)
       WHERE released_at IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'venue_reservations',
      'bookings',
      'participants',
      'plans',
      'timeslots',
      'venues',
      'users',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
