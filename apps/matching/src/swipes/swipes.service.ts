import { Injectable } from '@nestjs/common';
import type { SwipeAction } from '@rendezvous/contracts';
import { DomainError, MATCHING_ERRORS, TOPICS } from '@rendezvous/contracts';
import {
  AccountStatusProjection,
  BlocksProjection,
  invalidFields,
  OutboxService,
  secondsUntilNextUtcDay,
  utcDay,
} from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import { MatchingConfig } from '../config';
import { mutualCompatibility } from '../discovery/compatibility';
import { emptyProfile } from '../discovery/match-profile';
import { ScoringSettingsProvider } from '../discovery/scoring-settings.provider';
import type { MatchRow } from '../matches/match-row';
import { matchViewFor } from '../matches/match-row';
import { MatchesService } from '../matches/matches.service';
import { PeopleRepository } from '../people/people.repository';
import type { SwipeResult } from './swipe.shapes';
import { SwipesRepository } from './swipes.repository';

@Injectable()
export class SwipesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly swipes: SwipesRepository,
    private readonly profiles: PeopleRepository,
    private readonly blocks: BlocksProjection,
    private readonly accounts: AccountStatusProjection,
    private readonly matches: MatchesService,
    private readonly outbox: OutboxService,
    private readonly scoring: ScoringSettingsProvider,
    private readonly config: MatchingConfig,
  ) {}

  /** A like (or super like) on someone who already liked you makes exactly one match. */
  async swipe(callerId: string, targetId: string, action: SwipeAction): Promise<SwipeResult> {
    if (targetId === callerId) {
      throw invalidFields([{ path: 'targetUserId', message: 'targetUserId must not be yourself' }]);
    }
    return this.dataSource.transaction(async (tx) => {
      await this.swipes.lockPair(tx, callerId, targetId);
      const target = await this.profiles.findActive(targetId, tx);
      // Someone suspended or banned is as unknown as a deleted person; auto-hidden people only
      // leave discovery, so they can still be swiped by id.
      if (
        !target ||
        (await this.blocks.eitherBlocked(tx, callerId, targetId)) ||
        (await this.accounts.isSuspended(tx, targetId))
      ) {
        throw new DomainError(MATCHING_ERRORS.USER_NOT_FOUND, 'No such user');
      }
      // A second swipe on the same person changes nothing; a super like over the day's
      // allowance rolls the swipe back with the transaction.
      const { swipeId, likedBack } = await this.swipes.insert(tx, callerId, targetId, action);
      if (!swipeId) {
        throw new DomainError(MATCHING_ERRORS.ALREADY_SWIPED, 'You already swiped on this person');
      }
      const now = new Date();
      if (action === 'super_like') {
        const perDay = this.config.MATCHING_SUPER_LIKES_PER_DAY;
        if (!(await this.swipes.takeSuperLike(tx, callerId, utcDay(now), perDay))) {
          throw new DomainError(
            MATCHING_ERRORS.SUPER_LIKE_LIMIT,
            `You have used today's ${perDay} super likes`,
            undefined,
            secondsUntilNextUtcDay(now),
          );
        }
      }
      let match: MatchRow | null = null;
      if (action !== 'pass' && likedBack) {
        const caller = (await this.profiles.findActive(callerId, tx)) ?? emptyProfile(callerId);
        const score = mutualCompatibility(caller, target, this.scoring.settings, now);
        match = await this.matches.create(tx, callerId, targetId, score);
      }
      await this.outbox.add(tx, {
        type: TOPICS.SWIPE_PERFORMED,
        aggregateId: swipeId,
        aggregateVersion: 1,
        data: { swipeId, swiperId: callerId, targetUserId: targetId, action, matched: !!match },
      });
      return match ? { matched: true, match: matchViewFor(match, callerId) } : { matched: false };
    });
  }
}
