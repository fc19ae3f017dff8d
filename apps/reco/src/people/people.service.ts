import { Injectable } from '@nestjs/common';
import type {
  ConnectionEventData,
  Envelope,
  MatchCreatedData,
  UserDeletedData,
  UserStateData,
} from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';
import { tieStrength } from '../scoring/tie-strength';
import { BlocksProjection } from '@rendezvous/platform';

interface TieRow {
  connection_id: string | null;
  connection_version: number | null;
  connection_strength: number | null;
  connection_at: Date | null;
  matched_at: Date | null;
}

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** Reco's projections of people (homes, deletions, blocks) and their ties, from events only. */
@Injectable()
export class PeopleService {
  constructor(private readonly blocks: BlocksProjection) {}

  /** A person's home location, applied only if newer; a tombstone is never overwritten. */
  async applyState(tx: EntityManager, state: UserStateData, version: number): Promise<void> {
    const location = state.profile.location;
    await tx.query(
      `INSERT INTO people (user_id, version, lat, lng) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET version = EXCLUDED.version, lat = EXCLUDED.lat,
         lng = EXCLUDED.lng
       WHERE people.version < EXCLUDED.version AND people.deleted_at IS NULL`,
      [state.userId, version, location?.lat ?? null, location?.lng ?? null],
    );
  }

  /**
   * Leaves a tombstone; the person's likes stop counting towards popularity, and their
   * interactions, sums, ties and blocks go.
   */
  async forget(tx: EntityManager, deleted: UserDeletedData, version: number): Promise<void> {
    const userId = deleted.userId;
    await tx.query(
      `INSERT INTO people (user_id, version, deleted_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET
         version = GREATEST(people.version, EXCLUDED.version),
         deleted_at = COALESCE(people.deleted_at, EXCLUDED.deleted_at), lat = NULL, lng = NULL`,
      [userId, version, deleted.deletedAt],
    );
    // Venue rows are locked in id order first (an interaction locks a single venue): no deadlock.
    await tx.query(
      `SELECT v.id FROM venues v JOIN user_venue_stats s ON s.venue_id = v.id
       WHERE s.user_id = $1 AND s.likes > 0 ORDER BY v.id FOR UPDATE OF v`,
      [userId],
    );
    await tx.query(
      `UPDATE venues v SET likes = v.likes - s.likes FROM user_venue_stats s
       WHERE s.user_id = $1 AND s.likes > 0 AND v.id = s.venue_id`,
      [userId],
    );
    await tx.query('DELETE FROM user_venue_stats WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM interactions WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM ties WHERE user_a = $1 OR user_b = $1', [userId]);
    await this.blocks.removeAllOf(tx, userId);
  }

  /** The connection's latest state: same connection newer version, or a later connection. */
  async applyConnection(tx: EntityManager, event: Envelope<ConnectionEventData>): Promise<void> {
    const data = event.data;
    const at = new Date(event.occurredAt);
    const tie = await this.lockTie(tx, data.fromUserId, data.toUserId);
    if (!tie) return;
    const newer =
      tie.row.connection_id === data.connectionId
        ? (tie.row.connection_version ?? 0) < event.aggregateVersion
        : tie.row.connection_at === null || tie.row.connection_at < at;
    if (!newer) return;
    const next: TieRow = {
      ...tie.row,
      connection_id: data.connectionId,
      connection_version: event.aggregateVersion,
      connection_strength: data.strength,
      connection_at: at,
    };
    await this.writeTie(tx, tie.pair, next);
  }

  /** A match is a strong tie, at once, even before the user service's connection event. */
  async applyMatch(tx: EntityManager, event: Envelope<MatchCreatedData>): Promise<void> {
    const [first, second] = event.data.userIds;
    if (first === second) return;
    const tie = await this.lockTie(tx, first, second);
    if (!tie) return;
    const at = new Date(event.occurredAt);
    if (tie.row.matched_at && tie.row.matched_at >= at) return;
    await this.writeTie(tx, tie.pair, { ...tie.row, matched_at: at });
  }

  /** The pair's row, locked; `null` when either person is deleted (their ties stay gone). */
  private async lockTie(
    tx: EntityManager,
    a: string,
    b: string,
  ): Promise<{ pair: [string, string]; row: TieRow } | null> {
    const pair = ordered(a, b);
    const gone = (await tx.query(
      'SELECT 1 FROM people WHERE user_id = ANY($1::uuid[]) AND deleted_at IS NOT NULL FOR SHARE',
      [pair],
    )) as unknown[];
    if (gone.length > 0) return null;
    await tx.query(
      `INSERT INTO ties (user_a, user_b, strength) VALUES ($1, $2, 0)
       ON CONFLICT (user_a, user_b) DO NOTHING`,
      pair,
    );
    const rows = (await tx.query(
      `SELECT connection_id, connection_version, connection_strength, connection_at, matched_at
       FROM ties WHERE user_a = $1 AND user_b = $2 FOR UPDATE`,
      pair,
    )) as TieRow[];
    return { pair, row: rows[0] };
  }

  private async writeTie(tx: EntityManager, pair: [string, string], row: TieRow): Promise<void> {
    const strength = tieStrength({
      connectionStrength: row.connection_strength,
      connectionAt: row.connection_at,
      matchedAt: row.matched_at,
    });
    await tx.query(
      `UPDATE ties SET connection_id = $3, connection_version = $4, connection_strength = $5,
         connection_at = $6, matched_at = $7, strength = $8
       WHERE user_a = $1 AND user_b = $2`,
      [
        ...pair,
        row.connection_id,
        row.connection_version,
        row.connection_strength,
        row.connection_at,
        row.matched_at,
        strength,
      ],
    );
  }
}
