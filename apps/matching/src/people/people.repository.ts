import { Injectable } from '@nestjs/common';
import type { UserStateData } from '@rendezvous/contracts';
import { hiddenUntilSql } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { MatchProfile } from '../discovery/match-profile';
import type { ProfileRow } from './profile-row';
import { profileColumns, profileValues, toMatchProfile } from './profile-row';

// The standing held for the person now: the hiding of a status that arrived before the profile.
const HIDDEN_UNTIL = `(SELECT ${hiddenUntilSql('a')} FROM account_status a WHERE a.user_id = $1)`;

const STATE_COLUMNS = `name, headline, birth_date, industry, job_level, company, company_size,
  interests, skills, languages, networking_goals, position, cell, city, age_min, age_max, distance_km,
  exclude_colleagues, weights, last_active_at`;

@Injectable()
export class PeopleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Applies a person's state if it is newer than what is held. Redelivered and out-of-order
   * events are normal; a tombstone is never overwritten.
   */
  async upsertIfNewer(tx: EntityManager, state: UserStateData, version: number): Promise<void> {
    const assignments = STATE_COLUMNS.split(',')
      .map((column) => column.trim())
      .map((column) => `${column} = EXCLUDED.${column}`)
      .join(', ');
    await tx.query(
      `INSERT INTO profiles (user_id, version, hidden_until, ${STATE_COLUMNS})
       VALUES ($1, $2, ${HIDDEN_UNTIL}, ${profileValues(state)
         .map((_, i) => `$${i + 3}`)
         .join(', ')})
       ON CONFLICT (user_id) DO UPDATE SET version = EXCLUDED.version, ${assignments}
       WHERE profiles.version < EXCLUDED.version AND profiles.deleted_at IS NULL`,
      [state.userId, version, ...profileValues(state)],
    );
  }

  /** Copies the person's standing, just stored in `account_status`, beside their profile. */
  async copyHiding(tx: EntityManager, userId: string): Promise<void> {
    await tx.query(`UPDATE profiles SET hidden_until = ${HIDDEN_UNTIL} WHERE user_id = $1`, [
      userId,
    ]);
  }

  /** Leaves only a tombstone: the id, when, and the highest version seen. */
  async tombstone(tx: EntityManager, userId: string, version: number, deletedAt: string) {
    await tx.query(
      `INSERT INTO profiles (user_id, version, deleted_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET
         version = GREATEST(profiles.version, EXCLUDED.version),
         deleted_at = COALESCE(profiles.deleted_at, EXCLUDED.deleted_at),
         name = '', headline = NULL, birth_date = NULL, industry = NULL, job_level = NULL,
         company = NULL, company_size = NULL, interests = '{}', skills = '{}', languages = '{}',
         networking_goals = '{}', position = NULL, cell = NULL, city = NULL, weights = NULL,
         last_active_at = NULL`,
      [userId, version, deletedAt],
    );
  }

  /** A living person's profile; `null` when unknown or deleted. */
  async findActive(userId: string, tx?: EntityManager): Promise<MatchProfile | null> {
    const rows = (await (tx ?? this.dataSource).query(
      `SELECT ${profileColumns('profiles')} FROM profiles WHERE user_id = $1 AND deleted_at IS NULL`,
      [userId],
    )) as ProfileRow[];
    return rows[0] ? toMatchProfile(rows[0]) : null;
  }
}
