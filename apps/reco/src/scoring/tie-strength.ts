/** 0.8: a mutual match is a strong tie, whatever the connection events say yet. */
export const MATCH_TIE_STRENGTH = 0.8;

/** What reco knows of one pair of people, from connection and match events. */
export interface TieFacts {
  /** The latest connection event's strength (0 when pending or removed); `null` if none yet. */
  connectionStrength: number | null;
  connectionAt: Date | null;
  matchedAt: Date | null;
}

/**
 * The pair's strength: the connection's, raised to 0.8 by a match — unless the connection was
 * removed after the match (removal ends the tie; a later match makes it again).
 */
export function tieStrength(tie: TieFacts): number {
  const connection = tie.connectionStrength ?? 0;
  if (!tie.matchedAt) return connection;
  const removedAfterMatch =
    tie.connectionStrength === 0 && tie.connectionAt !== null && tie.connectionAt > tie.matchedAt;
  return removedAfterMatch ? connection : Math.max(connection, MATCH_TIE_STRENGTH);
}
