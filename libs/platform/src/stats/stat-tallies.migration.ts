import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per day, counts of facts whose rows are gone or were reused (a deleted person's swipes, a
 * registration made again), so the stats a service reports keep every counted event.
 */
export class StatTallies1765600000000 implements MigrationInterface {
  name = 'StatTallies1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE stat_tallies (
        counter text NOT NULL,
        day date NOT NULL,
        count bigint NOT NULL,
        PRIMARY KEY (counter, day)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE stat_tallies');
  }
}
