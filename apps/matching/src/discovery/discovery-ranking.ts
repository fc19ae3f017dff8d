import { shownDistanceKm } from '@rendezvous/contracts';
import type { Cursor, Page } from '@rendezvous/platform';
import { decodeCursor, encodeCursor } from '@rendezvous/platform';
import type { Compatibility } from './compatibility';
import type { DiscoveryItem } from './discovery.shapes';
import type { MatchProfile } from './match-profile';

export interface Scored {
  candidate: MatchProfile;
  compatibility: Compatibility;
  /** Set when a learned model ranks: its score, which then orders and is shown. */
  learned?: { score: number; version: number; features: number[] };
}

/** What orders an item: the model's score when one ranks, else the rule-based score. */
const rankingScore = (item: Scored) => item.learned?.score ?? item.compatibility.score;

/** Best first; ties by user id so every page boundary is exact. */
function before(a: Scored, b: Scored): number {
  return rankingScore(b) - rankingScore(a) || (a.candidate.userId < b.candidate.userId ? -1 : 1);
}

function afterCursor(item: Scored, cursor: { score: number; id: string }): boolean {
  const score = rankingScore(item);
  return score < cursor.score || (score === cursor.score && item.candidate.userId > cursor.id);
}

function parseCursor(value: string | undefined): { score: number; id: string } | null {
  const cursor: Cursor | null = decodeCursor(value, 'number');
  return cursor && { score: Number(cursor.key), id: cursor.id };
}

/** The scored people of one page, after the position the cursor names, and the next cursor. */
export function selectPage(
  scored: Scored[],
  limit: number,
  cursor?: string,
): { shown: Scored[]; nextCursor: string | null } {
  const after = parseCursor(cursor);
  const ranked = scored.filter((item) => !after || afterCursor(item, after)).sort(before);
  const shown = ranked.slice(0, limit);
  const last = shown.at(-1);
  return {
    shown,
    nextCursor:
      ranked.length > limit && last
        ? encodeCursor({ key: String(rankingScore(last)), id: last.candidate.userId })
        : null,
  };
}

export function toItem(item: Scored): DiscoveryItem {
  const { candidate, compatibility, learned } = item;
  return {
    userId: candidate.userId,
    name: candidate.name,
    headline: candidate.headline,
    score: rankingScore(item),
    factors: compatibility.factors,
    sharedInterests: compatibility.sharedInterests,
    distanceKm:
      compatibility.distanceKm === null ? null : shownDistanceKm(compatibility.distanceKm),
    ...(learned ? { model: { version: learned.version } } : {}),
  };
}

/** One page of the ranking, after the position the cursor names. */
export function rankPage(scored: Scored[], limit: number, cursor?: string): Page<DiscoveryItem> {
  const { shown, nextCursor } = selectPage(scored, limit, cursor);
  return { items: shown.map(toItem), nextCursor };
}
