import { createBlocksTable } from '@rendezvous/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * From user.blocked / user.unblocked: the newest state of each (blocker, blocked) pair by the
 * blocker's version, so suggestions never offer one person's free time to someone across a block.
 */
export class BookingBlocks1765100000000 implements MigrationInterface {
  name = 'BookingBlocks1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await createBlocksTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE blocks');
  }
}
