import { Injectable } from '@nestjs/common';
import { DomainError, MATCHING_ERRORS } from '@rendezvous/contracts';
import type { Page } from '@rendezvous/platform';
import { AttendanceRepository } from '../attendance/attendance.repository';
import { MatchingConfig } from '../config';
import { PeopleRepository } from '../people/people.repository';
import { CandidatesRepository } from './candidates.repository';
import { scorerFor } from './compatibility';
import type { Scored } from './discovery-ranking';
import { selectPage, toItem } from './discovery-ranking';
import { LearnedRanking } from '../ranking/learned-ranking';
import type { DiscoveryItem } from './discovery.shapes';
import { fitEachOther } from './hard-filters';
import { emptyProfile } from './match-profile';
import { ScoringSettingsProvider } from './scoring-settings.provider';

@Injectable()
export class DiscoveryService {
  constructor(
    private readonly profiles: PeopleRepository,
    private readonly candidates: CandidatesRepository,
    private readonly attendance: AttendanceRepository,
    private readonly scoring: ScoringSettingsProvider,
    private readonly config: MatchingConfig,
    private readonly learned: LearnedRanking,
  ) {}

  /**
   * The people who suit the caller, best first. With `eventId`, only that event's registered
   * people and organizer, wherever they live (they meet at the event).
   */
  async discover(
    callerId: string,
    limit: number,
    cursor?: string,
    eventId?: string,
  ): Promise<Page<DiscoveryItem>> {
    const now = new Date();
    // Someone whose profile has not arrived yet still gets sensible results.
    const viewer = (await this.profiles.findActive(callerId)) ?? emptyProfile(callerId);
    const pool = this.config.MATCHING_DISCOVERY_POOL;
    const candidates = eventId
      ? await this.candidates.among(viewer, await this.attendeesFor(eventId, callerId), pool, now)
      : await this.candidates.near(viewer, pool, now);
    const score = scorerFor(viewer, this.scoring.settings, now);
    const scored: Scored[] = [];
    for (const candidate of candidates) {
      const result = score(candidate);
      if (fitEachOther(viewer, candidate, result.distanceKm, now, !eventId)) {
        scored.push({ candidate, compatibility: result });
      }
    }
    const ranking = await this.learned.rerank(viewer, scored, pool, now);
    const { shown, nextCursor } = selectPage(ranking.scored, limit, cursor);
    this.learned.recordShown(viewer, shown, ranking.featuresOf, now);
    return { items: shown.map(toItem), nextCursor };
  }

  private async attendeesFor(eventId: string, callerId: string): Promise<string[]> {
    const attendance = await this.attendance.attendanceOf(eventId);
    if (!attendance) throw new DomainError(MATCHING_ERRORS.EVENT_NOT_FOUND, 'No such event');
    const people = new Set(attendance.registered);
    if (attendance.organizerId) people.add(attendance.organizerId);
    if (!people.has(callerId)) {
      throw new DomainError(
        MATCHING_ERRORS.NOT_AN_ATTENDEE,
        'Only people registered for the event or organizing it can discover its attendees',
      );
    }
    people.delete(callerId);
    return [...people];
  }
}
