import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PersonSignals } from './ranking-features';

interface SignalsRow {
  user_id: string;
  swipes_given: number;
  likes_given: number;
  swipes_received: number;
  likes_received: number;
  likes_answered: number;
  connections: number;
  events_attended: number;
}

/** Everyone's behaviour counts, from matching's own swipes, connections and attendance. */
@Injectable()
export class SignalsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The behaviour counts of everyone who has any (others have none): from the swipes,
   * connections and attendance outward, so the cost follows activity, not the population.
   */
  async everyone(): Promise<Map<string, PersonSignals>> {
    const rows = (await this.dataSource.query(`
      WITH given AS (
        SELECT swiper_id AS user_id, count(*)::int AS swipes,
               count(*) FILTER (WHERE action <> 'pass')::int AS likes
        FROM swipes GROUP BY swiper_id),
      received AS (
        SELECT s.target_id AS user_id, count(*)::int AS swipes,
               count(*) FILTER (WHERE s.action <> 'pass')::int AS likes,
               count(back.id) FILTER (WHERE s.action <> 'pass')::int AS answered
        FROM swipes s
        LEFT JOIN swipes back ON back.swiper_id = s.target_id AND back.target_id = s.swiper_id
        GROUP BY s.target_id),
      ties AS (
        SELECT user_id, count(*)::int AS connections FROM (
          SELECT user_a AS user_id FROM connections WHERE accepted
          UNION ALL SELECT user_b FROM connections WHERE accepted) t GROUP BY user_id),
      attended AS (
        SELECT user_id, count(*)::int AS events FROM (
          SELECT r.user_id FROM event_registrations r WHERE r.status = 'registered'
          UNION ALL SELECT e.organizer_id FROM events e WHERE e.organizer_id IS NOT NULL) a
        GROUP BY user_id),
      someone AS (
        SELECT user_id FROM given UNION SELECT user_id FROM received
        UNION SELECT user_id FROM ties UNION SELECT user_id FROM attended)
      SELECT s.user_id,
             coalesce(g.swipes, 0) AS swipes_given, coalesce(g.likes, 0) AS likes_given,
             coalesce(r.swipes, 0) AS swipes_received, coalesce(r.likes, 0) AS likes_received,
             coalesce(r.answered, 0) AS likes_answered, coalesce(t.connections, 0) AS connections,
             coalesce(a.events, 0) AS events_attended
      FROM someone s
      JOIN profiles p ON p.user_id = s.user_id AND p.deleted_at IS NULL
      LEFT JOIN given g ON g.user_id = s.user_id
      LEFT JOIN received r ON r.user_id = s.user_id
      LEFT JOIN ties t ON t.user_id = s.user_id
      LEFT JOIN attended a ON a.user_id = s.user_id`)) as SignalsRow[];
    return new Map(
      rows.map((row) => [
        row.user_id,
        {
          swipesGiven: row.swipes_given,
          likesGiven: row.likes_given,
          swipesReceived: row.swipes_received,
          likesReceived: row.likes_received,
          likesAnswered: row.likes_answered,
          connections: row.connections,
          eventsAttended: row.events_attended,
        },
      ]),
    );
  }

  /** How many accepted connections `viewerId` shares with each of `candidateIds` (absent: none). */
  async mutualConnections(viewerId: string, candidateIds: string[]): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query(
      `WITH mine AS (
         SELECT CASE WHEN user_a = $1 THEN user_b ELSE user_a END AS friend
         FROM connections WHERE accepted AND (user_a = $1 OR user_b = $1)),
       theirs AS (
         SELECT user_a AS person, user_b AS friend FROM connections
         WHERE accepted AND user_a = ANY($2::uuid[])
         UNION ALL
         SELECT user_b, user_a FROM connections WHERE accepted AND user_b = ANY($2::uuid[]))
       SELECT theirs.person AS user_id, count(DISTINCT theirs.friend)::int AS mutual
       FROM theirs JOIN mine ON mine.friend = theirs.friend GROUP BY theirs.person`,
      [viewerId, candidateIds],
    )) as { user_id: string; mutual: number }[];
    return new Map(rows.map((row) => [row.user_id, row.mutual]));
  }
}
