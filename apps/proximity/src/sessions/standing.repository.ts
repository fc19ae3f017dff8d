import { Injectable } from '@nestjs/common';
import { hiddenPersonSql } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

/** What proximity asks of its `account_status` (the people's standing, from the user service). */
@Injectable()
export class StandingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Serialises a session start with a change of the person's standing, so a suspension that
   * commits while a start is under way still finds (and ends) the new session.
   */
  async lock(tx: EntityManager, userId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `proximity:standing:${userId}`,
    ]);
  }

  /** Those of `userIds` who are suspended, banned or auto-hidden now: one primary-key probe each. */
  async hiddenAmong(userIds: readonly string[]): Promise<Set<string>> {
    const rows = (await this.dataSource.query(
      `SELECT person.id FROM unnest($1::uuid[]) AS person(id) WHERE ${hiddenPersonSql('person.id')}`,
      [userIds],
    )) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }
}
