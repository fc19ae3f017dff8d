import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox and inbox every service with a database has (ARCHITECTURE.md, Kafka). */
export class PlatformTables1764100000000 implements MigrationInterface {
  name = 'PlatformTables1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox (
        seq bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        envelope jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Wakes the relay on commit (NOTIFY is delivered when the inserting transaction commits).
    await runner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
    await runner.query(`
      CREATE TABLE inbox (
        event_id uuid PRIMARY KEY,
        topic text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX inbox_processed_at ON inbox (processed_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox');
    await runner.query('DROP TRIGGER outbox_notify ON outbox');
    await runner.query('DROP FUNCTION outbox_notify()');
    await runner.query('DROP TABLE outbox');
  }
}
