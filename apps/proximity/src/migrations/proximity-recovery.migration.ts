import { createBlocksTable } from '@rendezvous/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What Redis may lose, kept durably: blocks (`user.blocked`/`user.unblocked`), deleted people
 * (`user.deleted`; nothing else is kept per person) and a ledger of live sessions from
 * proximity's own events, so a session Redis loses ends with a notice.
 */
export class ProximityRecovery1765300000000 implements MigrationInterface {
  name = 'ProximityRecovery1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await createBlocksTable(runner);
    await runner.query(`
      CREATE TABLE deleted_people (
        user_id uuid PRIMARY KEY,
        deleted_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE session_ledger (
        session_id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        started_at timestamptz,
        expires_at timestamptz,
        ended boolean NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX session_ledger_live ON session_ledger (ended, expires_at)');
    await runner.query('CREATE INDEX session_ledger_user ON session_ledger (user_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE session_ledger');
    await runner.query('DROP TABLE deleted_people');
    await runner.query('DROP TABLE blocks');
  }
}
