import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserStatusData } from '@rendezvous/contracts';
import {
  COMMON_ERRORS,
  DomainError,
  PROXIMITY_ERRORS,
  TOPICS,
  accountSuspendedError,
  isSuspendedAt,
  sortCategories,
} from '@rendezvous/contracts';
import type { RedisOutboxArgs } from '@rendezvous/platform';
import { AccountStatusProjection, redisOutboxArgs } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ProximityConfig } from '../config';
import { InterestHasher } from './interest-hasher';
import type { ProximitySession } from './session.shapes';
import type { StartOutcome, StoredSession } from './session-store';
import { SessionStore } from './session-store';
import { SessionLedgerRepository } from './session-ledger.repository';
import { StandingRepository } from './standing.repository';

@Injectable()
export class SessionsService {
  constructor(
    private readonly store: SessionStore,
    private readonly hasher: InterestHasher,
    private readonly config: ProximityConfig,
    private readonly dataSource: DataSource,
    private readonly standing: StandingRepository,
    private readonly accounts: AccountStatusProjection,
    private readonly ledger: SessionLedgerRepository,
  ) {}

  /** A new live session for the caller, replacing theirs; raw interests stop here. */
  async start(
    userId: string,
    bleToken: string,
    interests: readonly string[],
  ): Promise<ProximitySession> {
    const entries = this.hasher.entries(interests);
    const sessionId = randomUUID();
    const expiresAt = Date.now() + this.config.PROXIMITY_SESSION_TTL_SECONDS * 1000;
    const view = { sessionId, expiresAt: new Date(expiresAt).toISOString() };
    const event = redisOutboxArgs('proximity', {
      type: TOPICS.PROXIMITY_SESSION_STARTED,
      aggregateId: sessionId,
      aggregateVersion: 1,
      data: {
        ...view,
        userId,
        categories: sortCategories(entries.map((entry) => entry.category)),
      },
    });
    const outcome = await this.startInGoodStanding(
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

  /**
   * Ends the caller's live session with `proximity.session_ended` (no notice: they ended it), so
   * the ledger does not report it lost later. Redis only: the session seen is ended only if it
   * is still the live one, else the one that replaced it is tried.
   */
  async end(userId: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const sessionId = await this.store.liveSessionId(userId);
      if (!sessionId) return;
      const event = redisOutboxArgs('proximity', {
        type: TOPICS.PROXIMITY_SESSION_ENDED,
        aggregateId: sessionId,
        aggregateVersion: 2,
        data: { sessionId, userId, reason: 'ended', endedAt: new Date().toISOString() },
      });
      if (await this.store.endWithEvent(userId, sessionId, event)) return;
    }
    // Replaced five times over meanwhile: end whatever is live now; at worst a later loss of
    // Redis reports it.
    await this.store.end(userId);
  }

  /**
   * Keeps the newest standing; a suspension or ban ends the person's live session (silently in
   * the ledger). Redis is changed before the commit: should it fail, the event comes again and
   * ending is harmless twice.
   */
  async applyStanding(tx: EntityManager, standing: UserStatusData, version: number): Promise<void> {
    await this.standing.lock(tx, standing.userId);
    const applied = await this.accounts.applyIfNewer(tx, standing, version);
    if (applied && isSuspendedAt(standing, new Date())) {
      await this.ledger.endAllOf(tx, standing.userId);
      await this.store.end(standing.userId);
    }
  }

  /**
   * The token check let the person in, but a suspension may have committed since: the start
   * waits for one in progress, and a suspended person gets what their token now would.
   */
  private startInGoodStanding(
    session: StoredSession,
    event: RedisOutboxArgs,
  ): Promise<StartOutcome> {
    return this.dataSource.transaction(async (tx) => {
      await this.standing.lock(tx, session.userId);
      const standing = await this.accounts.standing(tx, session.userId);
      if (standing && isSuspendedAt(standing, new Date())) {
        throw accountSuspendedError(401, standing);
      }
      return this.store.start(session, event);
    });
  }
}
