import type { DataSource } from 'typeorm';

/** A projection of people that keeps a deleted person as a row with `deleted_at` set. */
export interface TombstoneTable {
  table: string;
  /** The person's id: the table's primary key, so the lookup is one index probe. */
  idColumn: string;
}

const SQL_NAME = /^[a-z_][a-z0-9_]*$/;

/** Reads the tombstones of a service's own projection of people. */
export class TombstonesRepository {
  private readonly sql: string;

  constructor(
    private readonly dataSource: DataSource,
    { table, idColumn }: TombstoneTable,
  ) {
    // Names come from code, never from a request; still, only plain ones reach the SQL.
    for (const name of [table, idColumn]) {
      if (!SQL_NAME.test(name)) throw new Error(`Not a plain SQL name: ${JSON.stringify(name)}`);
    }
    this.sql = `SELECT 1 FROM ${table} WHERE ${idColumn} = $1 AND deleted_at IS NOT NULL`;
  }

  async isDeleted(userId: string): Promise<boolean> {
    const rows: unknown = await this.dataSource.query(this.sql, [userId]);
    return Array.isArray(rows) && rows.length > 0;
  }
}
