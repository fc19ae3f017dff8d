import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Events, registrations (with their waitlist) and the projection of users. */
export class EventTables1764600000000 implements MigrationInterface {
  name = 'EventTables1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    // What this service knows of people, from the user service's events. `profile` is the public
    // profile (null until user.created arrives, and after deletion, which leaves a tombstone).
    await runner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        profile jsonb,
        version integer NOT NULL DEFAULT 0,
        deleted_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY,
        organizer_id uuid NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        category text NOT NULL,
        tags jsonb NOT NULL DEFAULT '[]',
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        location_name text NOT NULL,
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        registered_count integer NOT NULL DEFAULT 0 CHECK (registered_count >= 0),
        waitlisted_count integer NOT NULL DEFAULT 0 CHECK (waitlisted_count >= 0),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CONSTRAINT events_within_capacity CHECK (registered_count <= capacity)
      )`);
    await runner.query(
      `CREATE INDEX events_scheduled_by_start ON events (starts_at, id) WHERE status = 'scheduled'`,
    );
    await runner.query('CREATE INDEX events_organizer ON events (organizer_id)');
    // Arrival order across every registration: the waitlist is served by it.
    await runner.query('CREATE SEQUENCE registration_arrival');
    await runner.query(`
      CREATE TABLE registrations (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES events (id),
        user_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
        arrival bigint NOT NULL DEFAULT nextval('registration_arrival'),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, user_id)
      )`);
    await runner.query(
      `CREATE INDEX registrations_waitlist ON registrations (event_id, arrival)
       WHERE status = 'waitlisted'`,
    );
    await runner.query(
      `CREATE INDEX registrations_attending ON registrations (event_id, arrival)
       WHERE status = 'registered'`,
    );
    await runner.query('CREATE INDEX registrations_user ON registrations (user_id)');
    // The counters follow every registration change in the same statement, so the CHECK on
    // events refuses any transaction that would seat more people than the capacity.
    await runner.query(`
      CREATE FUNCTION registrations_count() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        registered_delta integer := 0;
        waitlisted_delta integer := 0;
        target uuid;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          target := OLD.event_id;
          registered_delta := registered_delta - (OLD.status = 'registered')::integer;
          waitlisted_delta := waitlisted_delta - (OLD.status = 'waitlisted')::integer;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          target := NEW.event_id;
          registered_delta := registered_delta + (NEW.status = 'registered')::integer;
          waitlisted_delta := waitlisted_delta + (NEW.status = 'waitlisted')::integer;
        END IF;
        IF registered_delta <> 0 OR waitlisted_delta <> 0 THEN
          UPDATE events SET registered_count = registered_count + registered_delta,
                            waitlisted_count = waitlisted_count + waitlisted_delta
          WHERE id = target;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER registrations_count
      AFTER INSERT OR DELETE OR UPDATE OF status ON registrations
      FOR EACH ROW EXECUTE FUNCTION registrations_count()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE registrations');
    await runner.query('DROP FUNCTION registrations_count');
    await runner.query('DROP SEQUENCE registration_arrival');
    await runner.query('DROP TABLE events');
    await runner.query('DROP TABLE users');
  }
}
