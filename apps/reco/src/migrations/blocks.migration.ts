import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * From user.blocked / user.unblocked: the newest state of each (blocker, blocked) pair by the
 * blocker's version, so venues for two are never offered across a block.
 */
export class RecoBlocks1765100000000 implements MigrationInterface {
  name = 'RecoBlocks1765100000000';

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
