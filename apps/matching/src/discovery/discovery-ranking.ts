import { shownDistanceKm } from '@rendezvous/contracts';
import type { Cursor, Page } from '@rendezvous/platform';
import { decodeCursor, encodeCursor } from '@rendezvous/platform';
import type { Compatibility } from './compatibility';
import type { DiscoveryItem } from './discovery.shapes';
import type { MatchProfile } from './match-profile';

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
  const cursor: Cursor | null = decodeCursor(value, 'number');
  return cursor && { score: Number(cursor.key), id: cursor.id };
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
        compatibility.distanceKm === null ? null : shownDistanceKm(compatibility.distanceKm),
    })),
    nextCursor:
      ranked.length > limit && last
        ? encodeCursor({ key: String(last.compatibility.score), id: last.candidate.userId })
        : null,
  };
}
