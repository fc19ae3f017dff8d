import type { AccountStanding } from '@rendezvous/contracts';
import type { DataSource } from 'typeorm';
import type { StandingRow } from './account-status-projection.repository';
import { standingFromRow } from './account-status-projection.repository';

/** A projection of people that keeps a deleted person as a row with `deleted_at` set. */
export interface TombstoneTable {
  table: string;
  /** The person's id: the table's primary key, so the lookup is one index probe. */
  idColumn: string;
}

const SQL_NAME = /^[a-z_][a-z0-9_]*$/;

/** Names come from code, never from a request; still, only plain ones reach the SQL. */
export function assertPlainSqlNames(...names: string[]): void {
  for (const name of names) {
    if (!SQL_NAME.test(name)) throw new Error(`Not a plain SQL name: ${JSON.stringify(name)}`);
  }
}

/**
 * Reads, in one query, whether a person is deleted in a service's own projection of people and
 * their standing in its `account_status`: what every authenticated request checks.
 */
export class TombstonesRepository {
  private readonly sql: string;

  constructor(
    private readonly dataSource: DataSource,
    { table, idColumn }: TombstoneTable,
  ) {
    assertPlainSqlNames(table, idColumn);
    this.sql = `
      SELECT EXISTS (SELECT 1 FROM ${table} WHERE ${idColumn} = $1 AND deleted_at IS NOT NULL)
               AS deleted,
             a.status, a.suspended_until, a.role, a.role_changed_at, a.hidden
        FROM (SELECT 1) AS caller
        LEFT JOIN account_status a ON a.user_id = $1`;
  }

  async lookUp(userId: string): Promise<{ deleted: boolean; standing: AccountStanding | null }> {
    const [row] = (await this.dataSource.query(this.sql, [userId])) as (Partial<StandingRow> & {
      deleted: boolean;
    })[];
    return {
      deleted: row.deleted,
      standing: row.status ? standingFromRow(row as StandingRow) : null,
    };
  }
}
