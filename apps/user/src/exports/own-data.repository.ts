import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConnectionRow } from '../connections/connections.repository';
import { factsOf, otherParty } from '../connections/connections.repository';
import {
  connectionStatus,
  connectionStrength,
  connectionTypes,
} from '../connections/connection-rules';
import { toUserObject } from '../users/user-record';
import { UsersRepository } from '../users/users.repository';

const iso = (at: Date | null) => at?.toISOString() ?? null;

/**
 * The user service's part of a person's export: what it keeps about them, never credentials,
 * refresh tokens, moderators' notes or the reports others filed about them.
 */
@Injectable()
export class OwnDataRepository {
  constructor(private readonly users: UsersRepository) {}

  /** Empty-handed for a person it does not know or who is deleted. */
  async partOf(tx: EntityManager, userId: string): Promise<Record<string, unknown>> {
    const user = await this.users.findActive(tx, userId);
    if (!user) return {};
    const { profile, preferences } = toUserObject(user);
    return {
      account: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        status: user.status,
        suspendedUntil: iso(user.suspended_until),
        createdAt: user.created_at.toISOString(),
      },
      profile,
      preferences,
      timeslots: await this.timeslots(tx, userId),
      connections: await this.connections(tx, userId),
      blocks: await this.blocks(tx, userId),
      reportsFiled: await this.reportsFiled(tx, userId),
    };
  }

  private async timeslots(tx: EntityManager, userId: string) {
    const rows = (await tx.query(
      'SELECT id, starts_at, ends_at, status FROM timeslots WHERE user_id = $1 ORDER BY starts_at',
      [userId],
    )) as { id: string; starts_at: Date; ends_at: Date; status: string }[];
    return rows.map((row) => ({
      id: row.id,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      status: row.status,
    }));
  }

  private async connections(tx: EntityManager, userId: string) {
    const rows = (await tx.query(
      'SELECT * FROM connections WHERE user_a = $1 OR user_b = $1 ORDER BY created_at, id',
      [userId],
    )) as ConnectionRow[];
    return rows.map((row) => {
      const facts = factsOf(row);
      return {
        userId: otherParty(row, userId),
        status: connectionStatus(facts),
        types: connectionTypes(facts),
        strength: connectionStrength(facts),
        requestedByMe: row.requester_id === userId,
        createdAt: row.created_at.toISOString(),
      };
    });
  }

  private async blocks(tx: EntityManager, userId: string) {
    const rows = (await tx.query(
      'SELECT blocked_id, created_at FROM blocks WHERE blocker_id = $1 ORDER BY created_at',
      [userId],
    )) as { blocked_id: string; created_at: Date }[];
    return rows.map((row) => ({ userId: row.blocked_id, createdAt: row.created_at.toISOString() }));
  }

  private async reportsFiled(tx: EntityManager, userId: string) {
    const rows = (await tx.query(
      `SELECT id, subject_user_id, reason, details, status, created_at, decided_at FROM reports
       WHERE reporter_id = $1 ORDER BY created_at, id`,
      [userId],
    )) as {
      id: string;
      subject_user_id: string;
      reason: string;
      details: string | null;
      status: string;
      created_at: Date;
      decided_at: Date | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      subjectUserId: row.subject_user_id,
      reason: row.reason,
      details: row.details,
      status: row.status,
      createdAt: row.created_at.toISOString(),
      decidedAt: iso(row.decided_at),
    }));
  }
}
