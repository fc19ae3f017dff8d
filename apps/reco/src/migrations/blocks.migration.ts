import { createBlocksTable } from '@rendezvous/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * From user.blocked / user.unblocked: the newest state of each (blocker, blocked) pair by the
 * blocker's version, so venues for two are never offered across a block.
 */
export class RecoBlocks1765100000000 implements MigrationInterface {
  name = 'RecoBlocks1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await createBlocksTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE blocks');
  }
}
