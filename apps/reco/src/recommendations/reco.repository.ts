import { Injectable } from '@nestjs/common';
import type { VenueCategory } from '@rendezvous/contracts';
import { DataSource } from 'typeorm';
import type { LatLng } from '@rendezvous/contracts';
import { singleBoundingBox } from '@rendezvous/contracts';
import { distanceSql, shownDistanceSql } from '../scoring/geo';
import { affinitySql, VENUE_AFFINITY } from '../scoring/formula-constants';
import type { VenueWeights } from '../scoring/venue-score';
import { AccountStatusProjection, BlocksProjection, hiddenPersonSql } from '@rendezvous/platform';

export interface VenueFilter {
  category: VenueCategory | null;
  maxPriceLevel: number | null;
}

export interface CandidateVenue {
  id: string;
  name: string;
  category: VenueCategory;
  /** The venue's like/interest count and the largest of any venue. */
  likes: number;
  most: number;
}

export interface RankedVenue extends CandidateVenue {
  km: number | null;
  least_popular: number;
  own_likes: number;
  own_dwell: number;
}

export interface MeetVenue extends CandidateVenue {
  km1: number;
  km2: number;
  likes1: number;
  dwell1: number;
  likes2: number;
  dwell2: number;
}

export interface FriendRow {
  user_id: string;
  strength: number;
  venue_likes: number;
  venue_dwell: number;
  category_likes: number;
  category_dwell: number;
}

/** Builds one statement's parameter list as the SQL is written. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The venue formula in SQL, so Postgres ranks and only the top rows travel; the service then
 * scores those rows again with the unit-tested functions for the numbers it returns.
 */
// exp() below e^-700 would underflow into an error; such a venue's distance part is 0 anyway.
function scoreSql(p: Params, w: VenueWeights, km: string, likes: string, dwell: string): string {
  return `(${p.add(w.distance)}::float8 * COALESCE(exp(-least(${p.add(w.decayPerKm)}::float8 * ${km}, 700)), 0)
    + ${p.add(w.preference)}::float8 * ${affinitySql(likes, dwell, VENUE_AFFINITY)}
    + ${p.add(w.popularity)}::float8 * CASE WHEN v.most > 0 THEN v.likes::float8 / v.most ELSE 0 END)`;
}

function filterSql(p: Params, filter: VenueFilter): string[] {
  const where: string[] = [];
  if (filter.category) where.push(`v.category = ${p.add(filter.category)}`);
  if (filter.maxPriceLevel) where.push(`v.price_level <= ${p.add(filter.maxPriceLevel)}`);
  return where;
}

// Popularity's denominator: an index-only look at the top of venues_likes.
const BASE = `SELECT v.id, v.name, v.category, v.lat, v.lng, v.likes, v.price_level, v.position,
    (SELECT COALESCE(max(likes), 0) FROM venues) AS most FROM venues v`;

@Injectable()
export class RecoRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly blocks: BlocksProjection,
    private readonly accounts: AccountStatusProjection,
  ) {}

  /**
   * The best venues for one person seen from `origin` (null: no distance part). With
   * `candidateRadiusKm`, only venues within it, the person's own and the most popular are
   * ranked; `least_popular` on each row is the popularity count the most popular stop at.
   */
  async rankVenues(
    userId: string,
    origin: LatLng | null,
    maxDistanceKm: number | null,
    filter: VenueFilter,
    weights: VenueWeights,
    limit: number,
    candidateRadiusKm: number | null = null,
    popularCandidates = 0,
  ): Promise<RankedVenue[]> {
    const p = new Params();
    const user = p.add(userId);
    const where = filterSql(p, filter);
    let km = 'NULL::float8';
    const outer: string[] = [];
    let candidates = '';
    if (origin) {
      km = distanceSql('b', `${p.add(origin.lat)}::float8`, `${p.add(origin.lng)}::float8`);
      if (maxDistanceKm !== null) outer.push(`v.km <= ${p.add(maxDistanceKm)}`);
      const radius = candidateRadiusKm ?? maxDistanceKm;
      const box = radius === null ? null : singleBoundingBox(origin, radius);
      const boxSql = box
        ? `v.position <@ box(point(${p.add(box.west)}, ${p.add(box.south)}),
             point(${p.add(box.east)}, ${p.add(box.north)}))`
        : null;
      if (candidateRadiusKm !== null && boxSql) {
        const filters = where.length ? ` AND ${where.join(' AND ')}` : '';
        candidates = `, popular AS (
            SELECT v.id, v.likes FROM venues v ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
            ORDER BY v.likes DESC, v.id LIMIT ${p.add(popularCandidates)}
          ), candidates AS (
            SELECT v.id FROM venues v WHERE ${boxSql}${filters}
            UNION SELECT venue_id FROM own
            UNION SELECT id FROM popular
          )`;
        // An array (one initplan), so the venues are fetched by primary key, not by a scan.
        where.push('v.id = ANY(ARRAY(SELECT id FROM candidates))');
      } else if (boxSql && maxDistanceKm !== null) {
        where.push(boxSql);
      }
    }
    const score = scoreSql(p, weights, 'v.km', 'v.own_likes', 'v.own_dwell');
    const leastPopular = candidates
      ? `(SELECT CASE WHEN count(*) < ${p.add(popularCandidates)} THEN 0 ELSE min(likes) END FROM popular)`
      : '0';
    const sql = `
      WITH own AS (
        SELECT venue_id, likes, dwell_seconds FROM user_venue_stats WHERE user_id = ${user}
      )${candidates}
      SELECT v.id, v.name, v.category, v.likes, v.most, v.km, v.own_likes, v.own_dwell,
        ${leastPopular} AS least_popular FROM (
        SELECT b.*, ${km} AS km,
          COALESCE(o.likes, 0)::int AS own_likes, COALESCE(o.dwell_seconds, 0)::float8 AS own_dwell
        FROM (${BASE}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}) b
        LEFT JOIN own o ON o.venue_id = b.id
      ) v ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
      ORDER BY ${score} DESC, v.id LIMIT ${p.add(limit)}`;
    return (await this.dataSource.query(sql, p.values)) as RankedVenue[];
  }

  /**
   * Venues for two people: the longer trip shortest first (the second person's as the first is
   * shown it), then their two scores together.
   */
  async rankMeet(
    first: { userId: string; home: LatLng },
    second: { userId: string; home: LatLng },
    filter: VenueFilter,
    weights: VenueWeights,
    limit: number,
  ): Promise<MeetVenue[]> {
    const p = new Params();
    const u1 = p.add(first.userId);
    const u2 = p.add(second.userId);
    const km1 = distanceSql(
      'b',
      `${p.add(first.home.lat)}::float8`,
      `${p.add(first.home.lng)}::float8`,
    );
    const km2 = distanceSql(
      'b',
      `${p.add(second.home.lat)}::float8`,
      `${p.add(second.home.lng)}::float8`,
    );
    const where = filterSql(p, filter);
    const s1 = scoreSql(p, weights, 'v.km1', 'v.likes1', 'v.dwell1');
    const s2 = scoreSql(p, weights, 'v.km2', 'v.likes2', 'v.dwell2');
    const sql = `
      WITH own1 AS (SELECT venue_id, likes, dwell_seconds FROM user_venue_stats WHERE user_id = ${u1}),
           own2 AS (SELECT venue_id, likes, dwell_seconds FROM user_venue_stats WHERE user_id = ${u2})
      SELECT v.id, v.name, v.category, v.likes, v.most, v.km1, v.km2, v.likes1, v.dwell1,
        v.likes2, v.dwell2 FROM (
        SELECT b.*, ${km1} AS km1, ${km2} AS km2,
          COALESCE(o1.likes, 0)::int AS likes1, COALESCE(o1.dwell_seconds, 0)::float8 AS dwell1,
          COALESCE(o2.likes, 0)::int AS likes2, COALESCE(o2.dwell_seconds, 0)::float8 AS dwell2
        FROM (${BASE}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}) b
        LEFT JOIN own1 o1 ON o1.venue_id = b.id
        LEFT JOIN own2 o2 ON o2.venue_id = b.id
      ) v
      ORDER BY greatest(v.km1, ${shownDistanceSql('v.km2')}), ${s1} + ${s2} DESC, v.id
      LIMIT ${p.add(limit)}`;
    return (await this.dataSource.query(sql, p.values)) as MeetVenue[];
  }

  /**
   * The caller's living connections with their sums on the venue and on its category; nobody
   * suspended, banned or auto-hidden.
   */
  async friends(
    userId: string,
    venue: { id: string; category: VenueCategory } | null,
  ): Promise<FriendRow[]> {
    return (await this.dataSource.query(
      `WITH friends AS (
         SELECT user_b AS user_id, strength FROM ties WHERE user_a = $1 AND strength > 0
         UNION ALL
         SELECT user_a, strength FROM ties WHERE user_b = $1 AND strength > 0
       )
       SELECT f.user_id, f.strength,
         COALESCE(sv.likes, 0)::int AS venue_likes, COALESCE(sv.dwell_seconds, 0)::float8 AS venue_dwell,
         COALESCE(sc.likes, 0)::int AS category_likes, COALESCE(sc.dwell, 0)::float8 AS category_dwell
       FROM friends f
       LEFT JOIN people p ON p.user_id = f.user_id
       LEFT JOIN user_venue_stats sv ON sv.user_id = f.user_id AND sv.venue_id = $2
       LEFT JOIN LATERAL (
         SELECT sum(s.likes) AS likes, sum(s.dwell_seconds) AS dwell
         FROM user_venue_stats s JOIN venues cv ON cv.id = s.venue_id
         WHERE $3::text IS NOT NULL AND s.user_id = f.user_id AND cv.category = $3
       ) sc ON true
       WHERE p.deleted_at IS NULL AND NOT ${hiddenPersonSql('f.user_id')}`,
      [userId, venue?.id ?? null, venue?.category ?? null],
    )) as FriendRow[];
  }

  /** A living person's home; `undefined` when unknown or deleted, `null` when they have none. */
  async home(userId: string): Promise<LatLng | null | undefined> {
    const rows = (await this.dataSource.query(
      'SELECT lat, lng FROM people WHERE user_id = $1 AND deleted_at IS NULL',
      [userId],
    )) as { lat: number | null; lng: number | null }[];
    if (rows.length === 0) return undefined;
    const { lat, lng } = rows[0];
    return lat === null || lng === null ? null : { lat, lng };
  }

  /** Whether either person blocked the other. */
  eitherBlocked(a: string, b: string): Promise<boolean> {
    return this.blocks.eitherBlocked(this.dataSource, a, b);
  }

  /** Whether the person is suspended or banned now: to others they are as unknown. */
  isSuspended(userId: string): Promise<boolean> {
    return this.accounts.isSuspended(this.dataSource, userId);
  }

  async venue(id: string): Promise<{ id: string; category: VenueCategory } | null> {
    const rows = (await this.dataSource.query('SELECT id, category FROM venues WHERE id = $1', [
      id,
    ])) as { id: string; category: VenueCategory }[];
    return rows[0] ?? null;
  }
}
