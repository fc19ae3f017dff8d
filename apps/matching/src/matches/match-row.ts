import type { CompatibilityFactors, MatchStatus } from '@rendezvous/contracts';
import type { MatchView } from './match.shapes';

export interface MatchRow {
  id: string;
  user_a: string;
  user_b: string;
  score: number;
  factors: CompatibilityFactors;
  shared_interests: string[];
  status: MatchStatus;
  version: number;
  created_at: Date;
}

export function matchViewFor(row: MatchRow, viewerId: string): MatchView {
  return {
    id: row.id,
    userId: row.user_a === viewerId ? row.user_b : row.user_a,
    score: row.score,
    status: row.status,
    sharedInterests: row.shared_interests,
    createdAt: row.created_at.toISOString(),
  };
}

/** An unordered pair in the order the table keeps it. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}
