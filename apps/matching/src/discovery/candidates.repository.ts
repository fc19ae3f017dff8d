import { Injectable } from '@nestjs/common';
import { hiddenPersonSql } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { MatchProfile } from './match-profile';
import type { ProfileRow } from '../people/profile-row';
import { profileColumns, toMatchProfile } from '../people/profile-row';
import { ageBounds } from './candidate-query';
import { coveringBoxes } from '@rendezvous/contracts';

// Cheap row filters ($2..$4): alive, within each other's age ranges.
const ROW_FILTERS = `p.deleted_at IS NULL
  AND (p.birth_date IS NULL OR (p.birth_date <= $2::date AND p.birth_date > $3::date))
  AND ($4::int IS NULL OR $4::int BETWEEN p.age_min AND p.age_max)`;

// Filters that look at the viewer's own history ($1 viewer): not the viewer, not yet swiped by
// the viewer, no block either way.
const VIEWER_FILTERS = `p.user_id <> $1
  AND NOT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = $1 AND s.target_id = p.user_id)
  AND NOT EXISTS (SELECT 1 FROM blocks b
    WHERE b.active AND b.blocker_id = $1 AND b.blocked_id = p.user_id)
  AND NOT EXISTS (SELECT 1 FROM blocks b
    WHERE b.active AND b.blocker_id = p.user_id AND b.blocked_id = $1)`;

// Filters for the short list the index walk yields: the viewer's own, and nobody hidden
// (suspended, banned or auto-hidden; a sparse table, looked up per row by its key).
const LIST_FILTERS = `${VIEWER_FILTERS} AND NOT ${hiddenPersonSql('p.user_id')}`;

const COMMON_FILTERS = `${ROW_FILTERS} AND ${LIST_FILTERS}`;

/**
 * Prunes the population to a bounded pool before anything is scored: the people whose cells lie
 * nearest inside the viewer's distance (a GiST nearest-first walk over `cell`, never the exact
 * `position`, so where someone is inside their cell changes nobody's pool), plus the most
 * recently active people with no location (a tenth of the pool). Never the whole table.
 */
@Injectable()
export class CandidatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async near(viewer: MatchProfile, pool: number, now: Date): Promise<MatchProfile[]> {
    const common = this.commonParams(viewer, now);
    if (!viewer.location) {
      return this.select(`${COMMON_FILTERS} ORDER BY p.last_active_at DESC NULLS LAST LIMIT $5`, [
        ...common,
        pool,
      ]);
    }
    const { lat, lng } = viewer.location;
    // The inner query walks the GiST index nearest first and stops after a bounded number of
    // rows (a box condition there would tempt the planner into reading the whole box); the
    // outer one applies the distance box, the viewer's own filters and the hidden people to
    // that short list.
    const located = Promise.all(
      coveringBoxes(viewer.location, viewer.distanceKm).map((box) =>
        this.select(
          `p.cell <@ box(point($5, $6), point($7, $8)) AND ${LIST_FILTERS}
           ORDER BY p.cell <-> point($9, $10) LIMIT $12`,
          [
            ...common,
            box.west,
            box.south,
            box.east,
            box.north,
            Math.min(Math.max(lng, box.west), box.east),
            lat,
            Math.ceil(pool * 1.5),
            pool,
          ],
          `(SELECT * FROM profiles p WHERE ${ROW_FILTERS} AND p.cell IS NOT NULL
            ORDER BY p.cell <-> point($9, $10) LIMIT $11)`,
        ),
      ),
    );
    const unlocated = this.select(
      `${COMMON_FILTERS} AND p.position IS NULL
       ORDER BY p.last_active_at DESC NULLS LAST LIMIT $5`,
      [...common, Math.ceil(pool / 10)],
    );
    const [near, active] = await Promise.all([located, unlocated]);
    return [...near.flat(), ...active];
  }

  /** Candidates among the given people (an event's attendees), wherever they live. */
  async among(viewer: MatchProfile, userIds: string[], pool: number, now: Date) {
    return this.select(
      `${COMMON_FILTERS} AND p.user_id = ANY($5::uuid[])
       ORDER BY p.last_active_at DESC NULLS LAST LIMIT $6`,
      [...this.commonParams(viewer, now), userIds, pool],
    );
  }

  private commonParams(viewer: MatchProfile, now: Date): unknown[] {
    const { bornOnOrBefore, bornAfter, viewerAge } = ageBounds(viewer, now);
    return [viewer.userId, bornOnOrBefore, bornAfter, viewerAge];
  }

  private async select(
    where: string,
    params: unknown[],
    from = 'profiles',
  ): Promise<MatchProfile[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${profileColumns('p')} FROM ${from} p WHERE ${where}`,
      params,
    )) as ProfileRow[];
    return rows.map(toMatchProfile);
  }
}
