import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ProximitySessionStartedData, ProximitySessionView } from '@rendezvous/contracts';
import {
  COMMON_ERRORS,
  DomainError,
  PROXIMITY_ERRORS,
  TOPICS,
  sortCategories,
} from '@rendezvous/contracts';
import { redisOutboxArgs } from '@rendezvous/platform';
import { ProximityConfig } from '../config';
import { InterestHasher } from './interest-hasher';
import { SessionStore } from './session-store';

@Injectable()
export class SessionsService {
  constructor(
    private readonly store: SessionStore,
    private readonly hasher: InterestHasher,
    private readonly config: ProximityConfig,
  ) {}

  /** A new live session for the caller, replacing theirs; raw interests stop here. */
  async start(
    userId: string,
    bleToken: string,
    interests: readonly string[],
  ): Promise<ProximitySessionView> {
    const entries = this.hasher.entries(interests);
    const sessionId = randomUUID();
    const expiresAt = Date.now() + this.config.PROXIMITY_SESSION_TTL_SECONDS * 1000;
    const view = { sessionId, expiresAt: new Date(expiresAt).toISOString() };
    const event = redisOutboxArgs<ProximitySessionStartedData>('proximity', {
      type: TOPICS.PROXIMITY_SESSION_STARTED,
      aggregateId: sessionId,
      aggregateVersion: 1,
      data: {
        ...view,
        userId,
        categories: sortCategories(entries.map((entry) => entry.category)),
      },
    });
    const outcome = await this.store.start(
      { token: bleToken, userId, sessionId, expiresAt, entries },
      event,
    );
    switch (outcome) {
      case 'ok':
        return view;
      case 'taken':
        throw new DomainError(
          PROXIMITY_ERRORS.TOKEN_IN_USE,
          'This Bluetooth token belongs to a live session of someone else; advertise a fresh one',
        );
      case 'gone':
        throw new DomainError(COMMON_ERRORS.UNAUTHORIZED, 'The access token has been revoked');
    }
  }

  async end(userId: string): Promise<void> {
    await this.store.end(userId);
  }
}
