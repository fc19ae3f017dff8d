import { Injectable } from '@nestjs/common';
import type { AuditAction, DecisionAction } from '@rendezvous/contracts';
import { DECISION_AUDIT_ACTION, DomainError } from '@rendezvous/contracts';
import type { AuthUser } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { revokeAllOfUser } from '../auth/refresh-tokens.repository';
import { UserConfig } from '../config';
import { effectiveStatus } from '../users/standing';
import type { UserRow } from '../users/user-record';
import type { StandingChanges } from '../users/users.repository';
import { UsersRepository } from '../users/users.repository';
import type { StandingAction } from './standing-rules';
import { standingRefusal } from './standing-rules';

export interface StandingRequest {
  note: string;
  /** Suspensions only; absent = until reinstated. */
  durationHours?: number;
}

const ADMIN_AUDIT_ACTION: Record<Exclude<StandingAction, 'warn'>, AuditAction> = {
  suspend: 'user.suspended',
  ban: 'user.banned',
  reinstate: 'user.reinstated',
};

/**
 * Suspension, ban and reinstatement, whether asked for directly or decided on a report: the
 * checks, the change announced in `user.status_changed`, the refresh tokens revoked, and exactly
 * one audit entry, all in the caller's transaction.
 */
@Injectable()
export class AccountStandingService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditLogRepository,
    private readonly config: UserConfig,
  ) {}

  /** `POST /admin/users/:id/suspend|ban|reinstate`. */
  async act(
    tx: EntityManager,
    actor: AuthUser,
    subjectId: string,
    action: Exclude<StandingAction, 'warn'>,
    request: StandingRequest,
  ): Promise<UserRow> {
    const subject = await this.users.lockActive(tx, subjectId);
    const row = await this.apply(tx, actor, subject, action, request, false);
    await this.audit.append(tx, {
      actorId: actor.id,
      action: ADMIN_AUDIT_ACTION[action],
      subjectUserId: subjectId,
      note: request.note,
    });
    return row;
  }

  /**
   * A decision on a report about `subjectId`: any decision lifts the person's auto-hide. A
   * dismissal acts on nobody, so it also goes through for a deleted person.
   */
  async decide(
    tx: EntityManager,
    actor: AuthUser,
    report: { id: string; subjectUserId: string },
    decision: DecisionAction,
    request: StandingRequest,
  ): Promise<void> {
    const subject =
      decision === 'dismiss'
        ? await this.users.lockIfActive(tx, report.subjectUserId)
        : await this.users.lockActive(tx, report.subjectUserId);
    if (subject) await this.apply(tx, actor, subject, decision, request, true);
    await this.audit.append(tx, {
      actorId: actor.id,
      action: DECISION_AUDIT_ACTION[decision],
      subjectUserId: report.subjectUserId,
      objectId: report.id,
      note: request.note,
    });
  }

  private async apply(
    tx: EntityManager,
    actor: AuthUser,
    subject: UserRow,
    action: StandingAction | 'dismiss',
    request: StandingRequest,
    liftAutoHide: boolean,
  ): Promise<UserRow> {
    if (action !== 'dismiss') {
      const status = effectiveStatus(subject).status;
      const refusal = standingRefusal(actor.role, { role: subject.role, status }, action);
      if (refusal) throw new DomainError(refusal.code, refusal.detail);
    }
    const changes = this.changesFor(action, request);
    if (liftAutoHide && subject.hidden) changes.hidden = false;
    if (Object.keys(changes).length === 0) return subject;
    const row = await this.users.changeStanding(tx, subject.id, changes);
    if (action === 'suspend' || action === 'ban') await revokeAllOfUser(tx, subject.id);
    return row;
  }

  private changesFor(
    action: StandingAction | 'dismiss',
    request: StandingRequest,
  ): StandingChanges {
    switch (action) {
      case 'suspend': {
        const hours = request.durationHours;
        const until =
          hours === undefined
            ? null
            : new Date(Date.now() + hours * this.config.MODERATION_HOUR_SECONDS * 1000);
        return { status: 'suspended', suspendedUntil: until };
      }
      case 'ban':
        return { status: 'banned', suspendedUntil: null };
      case 'reinstate':
        return { status: 'active', suspendedUntil: null };
      case 'warn':
      case 'dismiss':
        return {};
    }
  }
}
