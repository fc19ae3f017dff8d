import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Aggregate counters per UTC day, nothing per person: sessions and matches (pairs nudged), and
 * per category how many sessions listed it.
 */
export class ProximityTables1764400000000 implements MigrationInterface {
  name = 'ProximityTables1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE proximity_daily_stats (
        day date PRIMARY KEY,
        sessions integer NOT NULL DEFAULT 0,
        matches integer NOT NULL DEFAULT 0
      )`);
    await runner.query(`
      CREATE TABLE proximity_category_stats (
        day date NOT NULL,
        category text NOT NULL,
        sessions integer NOT NULL DEFAULT 0,
        PRIMARY KEY (day, category)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE proximity_category_stats');
    await runner.query('DROP TABLE proximity_daily_stats');
  }
}
