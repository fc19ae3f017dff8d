import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal-data exports (API.md, Your data): one pending export per person (the partial unique
 * index, so two racing requests make one), and each service's part while the export is pending.
 */
export class ExportTables1765400000000 implements MigrationInterface {
  name = 'ExportTables1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE exports (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'ready', 'failed', 'expired')),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        ready_at timestamptz,
        expires_at timestamptz,
        data jsonb
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX exports_one_pending ON exports (user_id) WHERE status = 'pending'`,
    );
    await runner.query(
      `CREATE INDEX exports_pending_since ON exports (created_at) WHERE status = 'pending'`,
    );
    await runner.query(
      `CREATE INDEX exports_ready_until ON exports (expires_at) WHERE status = 'ready'`,
    );
    await runner.query(`
      CREATE TABLE export_parts (
        export_id uuid NOT NULL REFERENCES exports (id) ON DELETE CASCADE,
        service text NOT NULL,
        part jsonb NOT NULL,
        PRIMARY KEY (export_id, service)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE export_parts');
    await runner.query('DROP TABLE exports');
  }
}
