import { locationCell } from '@rendezvous/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH = 1_000;

/**
 * Each person's location-privacy cell centre beside the exact position, with the GiST index
 * discovery walks nearest first: other people are found, filtered and ordered by their cell,
 * never by where they exactly are (API.md, Location privacy).
 */
export class LocationCells1765100000000 implements MigrationInterface {
  name = 'LocationCells1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE profiles ADD COLUMN cell point');
    // The cell is computed by the one function in contracts, not restated in SQL.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await runner.query(
        `SELECT user_id, position[0] AS lng, position[1] AS lat FROM profiles
         WHERE position IS NOT NULL AND user_id > $1 ORDER BY user_id LIMIT $2`,
        [after, BATCH],
      )) as { user_id: string; lng: number; lat: number }[];
      if (rows.length === 0) break;
      const cells = rows.map((row) => locationCell({ lat: row.lat, lng: row.lng }));
      await runner.query(
        `UPDATE profiles p SET cell = point(c.lng, c.lat)
         FROM unnest($1::uuid[], $2::float8[], $3::float8[]) AS c (user_id, lng, lat)
         WHERE p.user_id = c.user_id`,
        [rows.map((row) => row.user_id), cells.map((c) => c.lng), cells.map((c) => c.lat)],
      );
      after = rows[rows.length - 1].user_id;
    }
    await runner.query(
      'CREATE INDEX profiles_cell ON profiles USING gist (cell) WHERE deleted_at IS NULL',
    );
    // profiles_position stays while the previous release may still run beside this one; a
    // later release drops it.
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX profiles_cell');
    await runner.query('ALTER TABLE profiles DROP COLUMN cell');
  }
}
