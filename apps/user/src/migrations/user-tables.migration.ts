import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, credentials, refresh tokens, timeslots, connections and blocks. */
export class UserTables1764200000000 implements MigrationInterface {
  name = 'UserTables1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text,
        password_hash text,
        name text NOT NULL,
        role text NOT NULL DEFAULT 'user',
        profile jsonb NOT NULL,
        preferences jsonb NOT NULL,
        last_active_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    // Deleted users keep a tombstone row; their email may sign up again.
    await runner.query(
      'CREATE UNIQUE INDEX users_email_key ON users (email) WHERE deleted_at IS NULL',
    );
    await runner.query(`
      CREATE TABLE refresh_tokens (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        family_id uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)');
    await runner.query('CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id)');
    await runner.query(`
      CREATE TABLE timeslots (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'free',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await runner.query('CREATE INDEX timeslots_user_start ON timeslots (user_id, starts_at, id)');
    // One row per unordered pair: user_a < user_b.
    await runner.query(`
      CREATE TABLE connections (
        id uuid PRIMARY KEY,
        user_a uuid NOT NULL REFERENCES users (id),
        user_b uuid NOT NULL REFERENCES users (id),
        requester_id uuid,
        request_accepted_at timestamptz,
        matched_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (user_a < user_b),
        UNIQUE (user_a, user_b)
      )`);
    await runner.query('CREATE INDEX connections_user_b ON connections (user_b)');
    await runner.query(`
      CREATE TABLE blocks (
        blocker_id uuid NOT NULL REFERENCES users (id),
        blocked_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (blocker_id, blocked_id),
        CHECK (blocker_id <> blocked_id)
      )`);
    await runner.query('CREATE INDEX blocks_blocked ON blocks (blocked_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE blocks');
    await runner.query('DROP TABLE connections');
    await runner.query('DROP TABLE timeslots');
    await runner.query('DROP TABLE refresh_tokens');
    await runner.query('DROP TABLE users');
  }
}
