import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MatchProfile } from './match-profile';
import type { ProfileRow } from '../people/profile-row';
import { profileColumns, toMatchProfile } from '../people/profile-row';
import { ageBounds } from './candidate-query';
import { coveringBoxes } from '@rendezvous/contracts';

// Who may be a candidate, checked on each row as the index is walked: alive, not hidden
// (suspended, banned or auto-hidden, as copied beside the profile), not the viewer ($1) nor
// anyone the viewer swiped on, blocks or is blocked by ($5, read beforehand: a list compared by
// hash costs a fraction of a join per row), within each other's age ranges ($2..$4).
const FILTERS = `p.deleted_at IS NULL
  AND (p.hidden_until IS NULL OR p.hidden_until <= now())
  AND p.user_id <> $1 AND p.user_id <> ALL($5::uuid[])
  AND (p.birth_date IS NULL OR (p.birth_date <= $2::date AND p.birth_date > $3::date))
  AND ($4::int IS NULL OR $4::int BETWEEN p.age_min AND p.age_max)`;

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
    const common = await this.commonParams(viewer, now);
    if (!viewer.location) {
      return this.select(`${FILTERS} ORDER BY p.last_active_at DESC NULLS LAST LIMIT $6`, [
        ...common,
        pool,
      ]);
    }
    const { lat, lng } = viewer.location;
    // The inner query walks the GiST index nearest first and stops after `pool` people who pass
    // every filter (a box condition there would tempt the planner into reading the whole box);
    // the outer one keeps those inside the distance box.
    const located = Promise.all(
      coveringBoxes(viewer.location, viewer.distanceKm).map((box) =>
        this.select(
          'p.cell <@ box(point($6, $7), point($8, $9))',
          [
            ...common,
            box.west,
            box.south,
            box.east,
            box.north,
            Math.min(Math.max(lng, box.west), box.east),
            lat,
            pool,
          ],
          `(SELECT * FROM profiles p WHERE ${FILTERS} AND p.cell IS NOT NULL
            ORDER BY p.cell <-> point($10, $11) LIMIT $12)`,
        ),
      ),
    );
    const unlocated = this.select(
      `${FILTERS} AND p.position IS NULL
       ORDER BY p.last_active_at DESC NULLS LAST LIMIT $6`,
      [...common, Math.ceil(pool / 10)],
    );
    const [near, active] = await Promise.all([located, unlocated]);
    return [...near.flat(), ...active];
  }

  /** Candidates among the given people (an event's attendees), wherever they live. */
  async among(viewer: MatchProfile, userIds: string[], pool: number, now: Date) {
    return this.select(
      `${FILTERS} AND p.user_id = ANY($6::uuid[])
       ORDER BY p.last_active_at DESC NULLS LAST LIMIT $7`,
      [...(await this.commonParams(viewer, now)), userIds, pool],
    );
  }

  private async commonParams(viewer: MatchProfile, now: Date): Promise<unknown[]> {
    const { bornOnOrBefore, bornAfter, viewerAge } = ageBounds(viewer, now);
    return [viewer.userId, bornOnOrBefore, bornAfter, viewerAge, await this.excludedFor(viewer)];
  }

  /** The people the viewer swiped on, blocks or is blocked by: never their candidates. */
  private async excludedFor(viewer: MatchProfile): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT target_id AS id FROM swipes WHERE swiper_id = $1
       UNION ALL SELECT blocked_id FROM blocks WHERE active AND blocker_id = $1
       UNION ALL SELECT blocker_id FROM blocks WHERE active AND blocked_id = $1`,
      [viewer.userId],
    )) as { id: string }[];
    return rows.map((row) => row.id);
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
