import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MatchProfile } from './match-profile';
import type { ProfileRow } from '../profiles/profile-row';
import { profileColumns, toMatchProfile } from '../profiles/profile-row';
import { ageBounds } from './candidate-query';
import { coveringBoxes } from './geo';

// Filters every candidate query shares ($1 viewer, $2..$4 ages): alive, not the viewer, within
// each other's age ranges, not yet swiped by the viewer, no block either way.
const COMMON_FILTERS = `p.deleted_at IS NULL AND p.user_id <> $1
  AND (p.birth_date IS NULL OR (p.birth_date <= $2::date AND p.birth_date > $3::date))
  AND ($4::int IS NULL OR $4::int BETWEEN p.age_min AND p.age_max)
  AND NOT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = $1 AND s.target_id = p.user_id)
  AND NOT EXISTS (SELECT 1 FROM blocks b
    WHERE b.active AND b.blocker_id = $1 AND b.blocked_id = p.user_id)
  AND NOT EXISTS (SELECT 1 FROM blocks b
    WHERE b.active AND b.blocker_id = p.user_id AND b.blocked_id = $1)`;

/**
 * Prunes the population to a bounded pool before anything is scored: the nearest people inside
 * the viewer's distance (a GiST box search, nearest first), plus the most recently active people
 * with no location (a tenth of the pool). Never the whole table.
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
    const located = await Promise.all(
      coveringBoxes(viewer.location, viewer.distanceKm).map((box) =>
        this.select(
          `${COMMON_FILTERS}
           AND p.position <@ box(point($5, $6), point($7, $8))
           ORDER BY p.position <-> point($9, $10) LIMIT $11`,
          [...common, box.west, box.south, box.east, box.north, lng, lat, pool],
        ),
      ),
    );
    const unlocated = await this.select(
      `${COMMON_FILTERS} AND p.position IS NULL
       ORDER BY p.last_active_at DESC NULLS LAST LIMIT $5`,
      [...common, Math.ceil(pool / 10)],
    );
    return [...located.flat(), ...unlocated];
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

  private async select(where: string, params: unknown[]): Promise<MatchProfile[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${profileColumns('p')} FROM profiles p WHERE ${where}`,
      params,
    )) as ProfileRow[];
    return rows.map(toMatchProfile);
  }
}
