import type { CompatibilityFactors } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import type { Cursor, Page } from '@rendezvous/platform';
import { decodeCursor, encodeCursor } from '@rendezvous/platform';
import type { Compatibility } from './compatibility';
import type { MatchProfile } from './match-profile';

/** One person in discovery (API.md, Matching). */
export interface DiscoveryItem {
  userId: string;
  name: string;
  headline: string | null;
  score: number;
  factors: CompatibilityFactors;
  sharedInterests: string[];
  /** Rounded to 0.1 km; `null` when either location is unknown. */
  distanceKm: number | null;
}

export interface Scored {
  candidate: MatchProfile;
  compatibility: Compatibility;
}

/** Best first; ties by user id so every page boundary is exact. */
function before(a: Scored, b: Scored): number {
  return (
    b.compatibility.score - a.compatibility.score ||
    (a.candidate.userId < b.candidate.userId ? -1 : 1)
  );
}

function afterCursor(item: Scored, cursor: { score: number; id: string }): boolean {
  const score = item.compatibility.score;
  return score < cursor.score || (score === cursor.score && item.candidate.userId > cursor.id);
}

function parseCursor(value: string | undefined): { score: number; id: string } | null {
  const cursor: Cursor | null = decodeCursor(value);
  if (!cursor) return null;
  const score = Number(cursor.key);
  if (!Number.isFinite(score)) {
    throw new DomainError(COMMON_ERRORS.VALIDATION_FAILED, 'The request has invalid fields', [
      { path: 'cursor', message: 'cursor is not a cursor from a previous page' },
    ]);
  }
  return { score, id: cursor.id };
}

/** One page of the ranking, after the position the cursor names. */
export function rankPage(scored: Scored[], limit: number, cursor?: string): Page<DiscoveryItem> {
  const after = parseCursor(cursor);
  const ranked = scored.filter((item) => !after || afterCursor(item, after)).sort(before);
  const page = ranked.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ candidate, compatibility }) => ({
      userId: candidate.userId,
      name: candidate.name,
      headline: candidate.headline,
      score: compatibility.score,
      factors: compatibility.factors,
      sharedInterests: compatibility.sharedInterests,
      distanceKm:
        compatibility.distanceKm === null ? null : Math.round(compatibility.distanceKm * 10) / 10,
    })),
    nextCursor:
      ranked.length > limit && last
        ? encodeCursor({ key: String(last.compatibility.score), id: last.candidate.userId })
        : null,
  };
}
