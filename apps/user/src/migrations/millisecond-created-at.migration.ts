import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * List cursors carry `created_at` as a JS Date (milliseconds); stored microseconds made the
 * last row of a page compare greater than its own cursor and come back on the next page.
 */
export class MillisecondCreatedAt1764400000000 implements MigrationInterface {
  name = 'MillisecondCreatedAt1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of ['connections', 'blocks']) {
      await runner.query(
        `ALTER TABLE ${table} ALTER COLUMN created_at SET DEFAULT date_trunc('milliseconds', now())`,
      );
      await runner.query(`UPDATE ${table} SET created_at = date_trunc('milliseconds', created_at)`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['connections', 'blocks']) {
      await runner.query(`ALTER TABLE ${table} ALTER COLUMN created_at SET DEFAULT now()`);
    }
  }
}
