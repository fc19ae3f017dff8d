import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * From user.blocked / user.unblocked: the newest state of each (blocker, blocked) pair by the
 * blocker's version, so suggestions never offer one person's free time to someone across a block.
 */
export class BookingBlocks1765100000000 implements MigrationInterface {
  name = 'BookingBlocks1765100000000';

  async up(runner: QueryRunner): Promise<void> {
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
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE blocks');
  }
}
