import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Venues, interactions and their running sums; projections of people and their ties. */
export class RecoTables1764500000000 implements MigrationInterface {
  name = 'RecoTables1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    // `likes` is the venue's running count of like/interest interactions by living people
    // (popularity's numerator), kept in the same transaction as each interaction.
    await runner.query(`
      CREATE TABLE venues (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        description text,
        category text NOT NULL,
        lat double precision NOT NULL,
        lng double precision NOT NULL,
        position point NOT NULL,
        price_level smallint NOT NULL,
        rating real,
        capacity integer NOT NULL,
        likes integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      )`);
    // position is point(lng, lat): the GiST index answers "inside this box" and "nearest first".
    await runner.query('CREATE INDEX venues_position ON venues USING gist (position)');
    await runner.query('CREATE INDEX venues_likes ON venues (likes DESC, id)');
    await runner.query('CREATE INDEX venues_name ON venues (name, id)');

    await runner.query(`
      CREATE TABLE interactions (
        id uuid PRIMARY KEY,
        venue_id uuid NOT NULL REFERENCES venues (id),
        user_id uuid NOT NULL,
        type text NOT NULL,
        dwell_seconds integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX interactions_user ON interactions (user_id)');

    // Each person's like/interest count and dwell per venue: what a request reads instead of
    // the interaction log.
    await runner.query(`
      CREATE TABLE user_venue_stats (
        user_id uuid NOT NULL,
        venue_id uuid NOT NULL REFERENCES venues (id),
        likes integer NOT NULL,
        dwell_seconds bigint NOT NULL,
        PRIMARY KEY (user_id, venue_id)
      )`);

    // One row per person ever heard of; a deleted person keeps a tombstone.
    await runner.query(`
      CREATE TABLE people (
        user_id uuid PRIMARY KEY,
        version integer NOT NULL,
        deleted_at timestamptz,
        lat double precision,
        lng double precision
      )`);

    // One row per unordered pair (user_a < user_b); `strength` is derived from the rest.
    await runner.query(`
      CREATE TABLE ties (
        user_a uuid NOT NULL,
        user_b uuid NOT NULL,
        connection_id uuid,
        connection_version integer,
        connection_strength real,
        connection_at timestamptz,
        matched_at timestamptz,
        strength real NOT NULL,
        PRIMARY KEY (user_a, user_b),
        CHECK (user_a < user_b)
      )`);
    await runner.query('CREATE INDEX ties_user_b ON ties (user_b) WHERE strength > 0');
    await runner.query('CREATE INDEX ties_user_a ON ties (user_a) WHERE strength > 0');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['ties', 'people', 'user_venue_stats', 'interactions', 'venues']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
