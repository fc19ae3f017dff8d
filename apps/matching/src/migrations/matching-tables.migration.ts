import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The projection of people, blocks and event attendance; swipes, matches, super-like usage. */
export class MatchingTables1764300000000 implements MigrationInterface {
  name = 'MatchingTables1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    // One row per person ever heard of; a deleted person keeps a tombstone (deleted_at, version)
    // so a late or redelivered update cannot bring them back. Terms are stored normalised.
    await runner.query(`
      CREATE TABLE profiles (
        user_id uuid PRIMARY KEY,
        version integer NOT NULL,
        deleted_at timestamptz,
        name text NOT NULL DEFAULT '',
        headline text,
        birth_date date,
        industry text,
        job_level text,
        company text,
        company_size text,
        interests text[] NOT NULL DEFAULT '{}',
        skills text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        networking_goals text[] NOT NULL DEFAULT '{}',
        position point,
        city text,
        age_min smallint NOT NULL DEFAULT 18,
        age_max smallint NOT NULL DEFAULT 100,
        distance_km real NOT NULL DEFAULT 50,
        exclude_colleagues boolean NOT NULL DEFAULT false,
        weights jsonb,
        last_active_at timestamptz
      )`);
    // position is point(lng, lat): the GiST index answers "inside this box, nearest first".
    await runner.query(
      'CREATE INDEX profiles_position ON profiles USING gist (position) WHERE deleted_at IS NULL',
    );
    await runner.query(`
      CREATE INDEX profiles_activity ON profiles (last_active_at DESC NULLS LAST, user_id)
      WHERE deleted_at IS NULL`);
    await runner.query(`
      CREATE INDEX profiles_unlocated_activity ON profiles (last_active_at DESC NULLS LAST, user_id)
      WHERE deleted_at IS NULL AND position IS NULL`);

    // The latest known state of each (blocker, blocked) pair, by the blocker's version.
    await runner.query(`
      CREATE TABLE blocks (
        blocker_id uuid NOT NULL,
        blocked_id uuid NOT NULL,
        active boolean NOT NULL,
        version integer NOT NULL,
        PRIMARY KEY (blocker_id, blocked_id)
      )`);
    await runner.query(
      'CREATE INDEX blocks_blocked ON blocks (blocked_id, blocker_id) WHERE active',
    );

    await runner.query(`
      CREATE TABLE swipes (
        id uuid PRIMARY KEY,
        swiper_id uuid NOT NULL,
        target_id uuid NOT NULL,
        action text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (swiper_id, target_id)
      )`);
    await runner.query('CREATE INDEX swipes_target ON swipes (target_id)');

    // One match per unordered pair (user_a < user_b), whoever swiped last and however fast.
    await runner.query(`
      CREATE TABLE matches (
        id uuid PRIMARY KEY,
        user_a uuid NOT NULL,
        user_b uuid NOT NULL,
        score real NOT NULL,
        factors jsonb NOT NULL,
        shared_interests text[] NOT NULL,
        status text NOT NULL DEFAULT 'active',
        ended_reason text,
        ended_by uuid,
        version integer NOT NULL DEFAULT 1,
        -- millisecond precision, so a page cursor taken from a JS Date matches exactly
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (user_a < user_b),
        UNIQUE (user_a, user_b)
      )`);
    await runner.query(
      "CREATE INDEX matches_user_a ON matches (user_a, created_at DESC, id) WHERE status = 'active'",
    );
    await runner.query(
      "CREATE INDEX matches_user_b ON matches (user_b, created_at DESC, id) WHERE status = 'active'",
    );
    await runner.query(
      "CREATE INDEX matches_active_age ON matches (created_at) WHERE status = 'active'",
    );

    await runner.query(`
      CREATE TABLE super_like_usage (
        user_id uuid NOT NULL,
        day date NOT NULL,
        used integer NOT NULL,
        PRIMARY KEY (user_id, day)
      )`);

    // Events people can discover each other at: organizer and registrations, newest state wins.
    await runner.query(`
      CREATE TABLE events (
        event_id uuid PRIMARY KEY,
        organizer_id uuid,
        status text NOT NULL,
        version integer NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE event_registrations (
        registration_id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        user_id uuid NOT NULL,
        status text NOT NULL,
        version integer NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX event_registrations_event ON event_registrations (event_id, user_id)',
    );
    await runner.query('CREATE INDEX event_registrations_user ON event_registrations (user_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'event_registrations',
      'events',
      'super_like_usage',
      'matches',
      'swipes',
      'blocks',
      'profiles',
    ]) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
