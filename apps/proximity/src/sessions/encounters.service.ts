import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, PROXIMITY_ERRORS, TOPICS } from '@rendezvous/contracts';
import { redisOutboxArgs } from '@rendezvous/platform';
import type { NudgeOutcome } from './encounter-rules';
import { NO_MATCH, encounterAnswer, sharedInterests } from './encounter-rules';
import type { EncounterOutcome } from './proximity-metrics';
import { ProximityMetrics } from './proximity-metrics';
import { SessionStore } from './session-store';
import type { EncounterAnswer } from './session.shapes';
import { StandingRepository } from './standing.repository';

const METRIC: Record<NudgeOutcome, EncounterOutcome> = {
  sent: 'nudged',
  seen: 'already_nudged',
  blocked: 'blocked',
  gone: 'ended',
};

@Injectable()
export class EncountersService {
  constructor(
    private readonly store: SessionStore,
    private readonly metrics: ProximityMetrics,
    private readonly standing: StandingRepository,
  ) {}

  /**
   * The caller's phone saw `detectedToken`; both people are nudged once if they share interests
   * and neither is suspended, banned or auto-hidden.
   */
  async report(userId: string, ownToken: string, detectedToken: string): Promise<EncounterAnswer> {
    const { own, other } = await this.store.look(ownToken, detectedToken);
    if (!own || own.userId !== userId) {
      throw new DomainError(PROXIMITY_ERRORS.NOT_YOUR_SESSION, 'ownToken is not your live session');
    }
    if (!other || other.userId === userId) {
      this.metrics.encounter('unknown_token');
      return NO_MATCH;
    }
    const shared = sharedInterests(own.entries, other.entries);
    if (shared.length === 0) {
      this.metrics.encounter('no_shared_interests');
      return NO_MATCH;
    }
    // Asked only when a nudge is due. A hidden person's token reads as unknown, and a hidden
    // caller is answered alike: neither learns that the other was seen.
    if ((await this.standing.hiddenAmong([own.userId, other.userId])).size > 0) {
      this.metrics.encounter('hidden');
      return NO_MATCH;
    }
    const nudgeId = randomUUID();
    const userIds: [string, string] = [own.userId, other.userId];
    const event = redisOutboxArgs('proximity', {
      type: TOPICS.PROXIMITY_NUDGE,
      aggregateId: nudgeId,
      aggregateVersion: 1,
      recipientIds: userIds,
      data: {
        nudgeId,
        userIds,
        sessionIds: [own.sessionId, other.sessionId],
        sharedInterests: shared,
      },
    });
    const outcome = await this.store.nudge(own, other, event);
    this.metrics.encounter(METRIC[outcome]);
    return encounterAnswer(shared, outcome);
  }
}
