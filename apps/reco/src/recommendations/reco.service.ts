import { Injectable } from '@nestjs/common';
import {
  COMMON_ERRORS,
  DomainError,
  RECO_ERRORS,
  locationCell,
  shownDistanceKm,
} from '@rendezvous/contracts';
import type { LatLng } from '@rendezvous/contracts';
import { compareMeet } from '../scoring/meet-ranking';
import { personScore } from '../scoring/person-score';
import {
  POPULAR_CANDIDATES,
  PRUNING_RADII_KM,
  prunedRankingIsExact,
} from '../scoring/venue-pruning';
import { popularity, round4, venueScore } from '../scoring/venue-score';
import type { RankedVenue, VenueFilter } from './reco.repository';
import type {
  MeetRecommendations,
  PersonRecommendations,
  VenueRecommendations,
} from './recommendation.shapes';
import { RecoRepository } from './reco.repository';
import { ScoringSettings } from './scoring-settings';

@Injectable()
export class RecoService {
  constructor(
    private readonly reco: RecoRepository,
    private readonly settings: ScoringSettings,
  ) {}

  /** From `at` or else the caller's home; with neither, the cold start (no distance part). */
  async venues(
    callerId: string,
    at: LatLng | null,
    maxDistanceKm: number | null,
    filter: VenueFilter,
    limit: number,
  ): Promise<VenueRecommendations> {
    const origin = at ?? (await this.reco.home(callerId)) ?? null;
    const maxKm = origin ? maxDistanceKm : null;
    const w = this.settings.venue;
    let rows: RankedVenue[] | null = null;
    // Rank only what can make the page, widening until that provably is the whole answer.
    for (const radius of origin ? PRUNING_RADII_KM : []) {
      if (maxKm !== null && radius >= maxKm) break;
      const pruned = await this.reco.rankVenues(
        callerId,
        origin,
        maxKm,
        filter,
        w,
        limit,
        radius,
        POPULAR_CANDIDATES,
      );
      const scores = pruned.map((row) => this.scored(row).score);
      if (prunedRankingIsExact(scores, limit, radius, this.popularityOf(pruned), w)) {
        rows = pruned;
        break;
      }
    }
    rows ??= await this.reco.rankVenues(callerId, origin, maxKm, filter, w, limit);
    return {
      items: rows.map((row) => {
        const own = { likes: row.own_likes, dwellSeconds: row.own_dwell };
        const { score, factors } = venueScore(
          row.km,
          own,
          row.likes,
          row.most,
          this.settings.venue,
        );
        return {
          venueId: row.id,
          name: row.name,
          score,
          distanceKm: row.km === null ? null : round4(row.km),
          factors,
        };
      }),
    };
  }

  private scored(row: RankedVenue) {
    const own = { likes: row.own_likes, dwellSeconds: row.own_dwell };
    return venueScore(row.km, own, row.likes, row.most, this.settings.venue);
  }

  /** The popularity the always-included most popular candidates stop at. */
  private popularityOf(rows: RankedVenue[]): number {
    const row = rows[0];
    return row ? popularity(row.least_popular, row.most) : 0;
  }

  async people(
    callerId: string,
    venueId: string | null,
    limit: number,
  ): Promise<PersonRecommendations> {
    const venue = venueId ? await this.reco.venue(venueId) : null;
    if (venueId && !venue) throw new DomainError(RECO_ERRORS.VENUE_NOT_FOUND, 'No such venue');
    const friends = await this.reco.friends(callerId, venue);
    const items = friends
      .map((f) => ({
        userId: f.user_id,
        ...personScore(
          f.strength,
          { likes: f.venue_likes, dwellSeconds: f.venue_dwell },
          { likes: f.category_likes, dwellSeconds: f.category_dwell },
          this.settings.person,
        ),
      }))
      .sort((a, b) => b.score - a.score || (a.userId < b.userId ? -1 : 1))
      .slice(0, limit);
    return { items };
  }

  /**
   * Needs both homes: an unknown, deleted, suspended or banned `with`, or one across a block, is
   * a 404; a missing home (either person's) a 409 naming whose. An auto-hidden person is not a
   * 404: auto-hide keeps them out of discovery, recommendations and proximity only, and here the
   * caller names them. The other person is taken at the centre of their cell (API.md, Location
   * privacy): their trips, scores and the ranking come from there, so nothing here moves while
   * they move inside it.
   */
  async meet(
    callerId: string,
    otherId: string,
    filter: VenueFilter,
    limit: number,
  ): Promise<MeetRecommendations> {
    if (otherId === callerId) {
      throw new DomainError(COMMON_ERRORS.VALIDATION_FAILED, 'The request has invalid fields', [
        { path: 'with', message: 'with must not be yourself' },
      ]);
    }
    const [mine, theirs, blocked, suspended] = await Promise.all([
      this.reco.home(callerId),
      this.reco.home(otherId),
      this.reco.eitherBlocked(callerId, otherId),
      this.reco.isSuspended(otherId),
    ]);
    if (theirs === undefined || blocked || suspended) {
      throw new DomainError(RECO_ERRORS.USER_NOT_FOUND, 'No such user');
    }
    if (!mine) {
      throw new DomainError(RECO_ERRORS.LOCATION_MISSING, 'Set your home location first');
    }
    if (!theirs) {
      throw new DomainError(RECO_ERRORS.LOCATION_MISSING, 'The other person has no home location');
    }
    const rows = await this.reco.rankMeet(
      { userId: callerId, home: mine },
      { userId: otherId, home: locationCell(theirs) },
      filter,
      this.settings.venue,
      limit,
    );
    const w = this.settings.venue;
    const scored = rows.map((row) => ({
      row,
      you: venueScore(
        row.km1,
        { likes: row.likes1, dwellSeconds: row.dwell1 },
        row.likes,
        row.most,
        w,
      ),
      them: venueScore(
        row.km2,
        { likes: row.likes2, dwellSeconds: row.dwell2 },
        row.likes,
        row.most,
        w,
      ),
    }));
    // Postgres picked the rows by the same rule; the tested comparator decides the final order.
    scored.sort((a, b) =>
      compareMeet(
        {
          venueId: a.row.id,
          callerKm: a.row.km1,
          otherKm: shownDistanceKm(a.row.km2),
          callerScore: a.you.score,
          otherScore: a.them.score,
        },
        {
          venueId: b.row.id,
          callerKm: b.row.km1,
          otherKm: shownDistanceKm(b.row.km2),
          callerScore: b.you.score,
          otherScore: b.them.score,
        },
      ),
    );
    return {
      items: scored.map(({ row, you, them }) => {
        const yourKm = round4(row.km1);
        const theirKm = shownDistanceKm(row.km2);
        return {
          venueId: row.id,
          name: row.name,
          score: round4(you.score + them.score),
          distanceKm: Math.max(yourKm, theirKm),
          you: { distanceKm: yourKm, score: you.score },
          them: { distanceKm: theirKm, score: them.score },
        };
      }),
    };
  }
}
