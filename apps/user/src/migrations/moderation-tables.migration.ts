import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account standing on `users`, reports, the audit log and the per-day report counter.
 * `users.created_at` drops to milliseconds: the admin list pages by it with JS-Date cursors.
 */
export class ModerationTables1765300000000 implements MigrationInterface {
  name = 'ModerationTables1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE users
        ADD COLUMN status text NOT NULL DEFAULT 'active'
          CHECK (status IN ('active', 'suspended', 'banned')),
        ADD COLUMN suspended_until timestamptz,
        ADD COLUMN hidden boolean NOT NULL DEFAULT false,
        ADD COLUMN role_changed_at timestamptz`);
    await runner.query(
      `ALTER TABLE users ALTER COLUMN created_at SET DEFAULT date_trunc('milliseconds', now())`,
    );
    await runner.query(`UPDATE users SET created_at = date_trunc('milliseconds', created_at)`);
    await runner.query(
      'CREATE INDEX users_newest ON users (created_at DESC, id DESC) WHERE deleted_at IS NULL',
    );
    await runner.query(
      `CREATE INDEX users_suspension_end ON users (suspended_until)
       WHERE status = 'suspended' AND suspended_until IS NOT NULL`,
    );

    await runner.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY,
        reporter_id uuid NOT NULL REFERENCES users (id),
        subject_user_id uuid NOT NULL REFERENCES users (id),
        reason text NOT NULL,
        details text,
        context jsonb,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'actioned', 'dismissed')),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        decided_at timestamptz,
        decided_by uuid,
        action text,
        note text,
        auto_hidden boolean NOT NULL DEFAULT false,
        CHECK (reporter_id <> subject_user_id)
      )`);
    // The backstop of "one open report per reporter and subject" under concurrency.
    await runner.query(
      `CREATE UNIQUE INDEX reports_one_open ON reports (reporter_id, subject_user_id)
       WHERE status = 'open'`,
    );
    await runner.query('CREATE INDEX reports_queue ON reports (status, created_at, id)');
    await runner.query(
      'CREATE INDEX reports_subject ON reports (subject_user_id, status, created_at)',
    );
    await runner.query('CREATE INDEX reports_reporter ON reports (reporter_id, created_at, id)');

    await runner.query(`
      CREATE TABLE report_usage (
        reporter_id uuid NOT NULL,
        day date NOT NULL,
        used integer NOT NULL,
        PRIMARY KEY (reporter_id, day)
      )`);

    // No foreign keys: entries outlive accounts and name people by id only.
    await runner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY,
        actor_id uuid NOT NULL,
        action text NOT NULL,
        subject_user_id uuid,
        object_id text,
        note text,
        at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX audit_log_newest ON audit_log (at DESC, id DESC)');
    await runner.query('CREATE INDEX audit_log_actor ON audit_log (actor_id, at DESC, id DESC)');
    await runner.query(
      'CREATE INDEX audit_log_subject ON audit_log (subject_user_id, at DESC, id DESC)',
    );
    await runner.query('CREATE INDEX audit_log_action ON audit_log (action, at DESC, id DESC)');
    // Append-only in the database itself, whatever code runs against it.
    await runner.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_log');
    await runner.query('DROP FUNCTION audit_log_append_only');
    await runner.query('DROP TABLE report_usage');
    await runner.query('DROP TABLE reports');
    await runner.query('DROP INDEX users_suspension_end');
    await runner.query('DROP INDEX users_newest');
    await runner.query(`ALTER TABLE users ALTER COLUMN created_at SET DEFAULT now()`);
    await runner.query(`
      ALTER TABLE users DROP COLUMN status, DROP COLUMN suspended_until, DROP COLUMN hidden,
        DROP COLUMN role_changed_at`);
  }
}
