import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue's open tickets and pending pairs, from matching's own `queue.*` events: what to tell
 * people when Redis loses the queue. A closed row stays a while as a tombstone, so an event that
 * arrives late cannot reopen it.
 */
export class QueueLedger1765300000000 implements MigrationInterface {
  name = 'QueueLedger1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE queue_ledger_tickets (
        ticket_id uuid PRIMARY KEY,
        user_id uuid,
        topic text,
        difficulty text,
        open boolean NOT NULL,
        version integer NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE queue_ledger_pairs (
        match_id uuid PRIMARY KEY,
        user_ids uuid[] NOT NULL,
        ticket_ids uuid[] NOT NULL,
        kept_ticket_ids uuid[] NOT NULL DEFAULT '{}',
        open boolean NOT NULL,
        version integer NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE INDEX queue_ledger_tickets_open ON queue_ledger_tickets (open, changed_at)',
    );
    await runner.query(
      'CREATE INDEX queue_ledger_pairs_open ON queue_ledger_pairs (open, changed_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE queue_ledger_pairs');
    await runner.query('DROP TABLE queue_ledger_tickets');
  }
}
