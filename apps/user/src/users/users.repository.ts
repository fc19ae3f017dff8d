import { Injectable } from '@nestjs/common';
import type {
  AccountStatus,
  Role,
  UserPreferencesData,
  UserProfileData,
} from '@rendezvous/contracts';
import { DomainError, TOPICS, USER_ERRORS } from '@rendezvous/contracts';
import { OutboxService } from '@rendezvous/platform';
import type { Queryable } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import { suspendedUserSql, toStatusData } from './standing';
import type { UserRow } from './user-record';
import { toUserState } from './user-record';

export interface NewUser {
  id: string;
  email: string;
  passwordHash: string;
  name: string;
  role: Role;
  profile: UserProfileData;
  preferences: UserPreferencesData;
  lastActiveAt: Date;
}

export interface UserChanges {
  name?: string;
  profile?: UserProfileData;
  preferences?: UserPreferencesData;
  lastActiveAt?: Date;
}

export interface StandingChanges {
  status?: AccountStatus;
  /** `null` clears it; absent keeps it. */
  suspendedUntil?: Date | null;
  hidden?: boolean;
  role?: Role;
}

/** Users' rows and the events that carry their state; every change bumps `version`. */
@Injectable()
export class UsersRepository {
  constructor(private readonly outbox: OutboxService) {}

  async insert(tx: EntityManager, user: NewUser): Promise<UserRow> {
    const [row] = (await tx.query(
      `INSERT INTO users (id, email, password_hash, name, role, profile, preferences, last_active_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        user.id,
        user.email,
        user.passwordHash,
        user.name,
        user.role,
        user.profile,
        user.preferences,
        user.lastActiveAt,
      ],
    )) as UserRow[];
    await this.outbox.add(tx, {
      type: TOPICS.USER_CREATED,
      aggregateId: row.id,
      aggregateVersion: row.version,
      data: toUserState(row),
    });
    return row;
  }

  async findActive(db: Queryable, id: string): Promise<UserRow | undefined> {
    const rows = (await db.query('SELECT * FROM users WHERE id = $1 AND deleted_at IS NULL', [
      id,
    ])) as UserRow[];
    return rows[0];
  }

  async findActiveByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
    const rows = (await db.query('SELECT * FROM users WHERE email = $1 AND deleted_at IS NULL', [
      email,
    ])) as UserRow[];
    return rows[0];
  }

  /** Suspended or banned now (a timed suspension that has ended is not). */
  async isSuspended(db: Queryable, id: string): Promise<boolean> {
    const rows = (await db.query(
      `SELECT 1 FROM users u WHERE u.id = $1 AND ${suspendedUserSql('u')}`,
      [id],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Locks the person's row for the rest of the transaction; serialises their changes. */
  async lockActive(tx: EntityManager, id: string): Promise<UserRow> {
    const row = await this.lockIfActive(tx, id);
    if (!row) throw new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');
    return row;
  }

  async lockIfActive(tx: EntityManager, id: string): Promise<UserRow | undefined> {
    const rows = (await tx.query(
      'SELECT * FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
      [id],
    )) as UserRow[];
    return rows[0];
  }

  /** Existing, not deleted users among `ids`, locked in id order (two callers cannot cross). */
  async lockAllActive(tx: EntityManager, ids: string[]): Promise<Map<string, UserRow>> {
    const rows = (await tx.query(
      `SELECT * FROM users WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL
       ORDER BY id FOR UPDATE`,
      [ids],
    )) as UserRow[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Existing, not deleted users among `ids`, share-locked so a deletion waits for us. */
  async shareLockActive(tx: EntityManager, ids: string[]): Promise<Set<string>> {
    const rows = (await tx.query(
      `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL
       ORDER BY id FOR SHARE`,
      [ids],
    )) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  async update(tx: EntityManager, id: string, changes: UserChanges): Promise<UserRow> {
    const [rows] = (await tx.query(
      `UPDATE users SET
         name = COALESCE($2, name),
         profile = COALESCE($3, profile),
         preferences = COALESCE($4, preferences),
         last_active_at = COALESCE($5, last_active_at),
         version = version + 1
       WHERE id = $1 AND deleted_at IS NULL RETURNING *`,
      [
        id,
        changes.name ?? null,
        changes.profile ?? null,
        changes.preferences ?? null,
        changes.lastActiveAt ?? null,
      ],
    )) as [UserRow[], number];
    const row = rows[0];
    if (!row) throw new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');
    await this.outbox.add(tx, {
      type: TOPICS.USER_UPDATED,
      aggregateId: row.id,
      aggregateVersion: row.version,
      data: toUserState(row),
    });
    return row;
  }

  /**
   * Changes the person's standing and announces it whole in `user.status_changed`; a role change
   * also stamps `role_changed_at` and sends `user.updated`, whose state carries the role. The
   * stamp is the clock at the update, after any token issued from the row as it was.
   */
  async changeStanding(tx: EntityManager, id: string, changes: StandingChanges): Promise<UserRow> {
    const [rows] = (await tx.query(
      `UPDATE users SET
         status = COALESCE($2, status),
         suspended_until = CASE WHEN $3 THEN $4::timestamptz ELSE suspended_until END,
         hidden = COALESCE($5, hidden),
         role = COALESCE($6, role),
         role_changed_at = CASE WHEN $6::text IS NOT NULL AND $6::text <> role
           THEN date_trunc('milliseconds', clock_timestamp()) ELSE role_changed_at END,
         version = version + 1
       WHERE id = $1 AND deleted_at IS NULL RETURNING *`,
      [
        id,
        changes.status ?? null,
        changes.suspendedUntil !== undefined,
        changes.suspendedUntil ?? null,
        changes.hidden ?? null,
        changes.role ?? null,
      ],
    )) as [UserRow[], number];
    const row = rows[0];
    if (!row) throw new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');
    await this.outbox.add(tx, {
      type: TOPICS.USER_STATUS_CHANGED,
      aggregateId: row.id,
      aggregateVersion: row.version,
      data: toStatusData(row),
    });
    if (changes.role !== undefined) {
      await this.outbox.add(tx, {
        type: TOPICS.USER_UPDATED,
        aggregateId: row.id,
        aggregateVersion: row.version,
        data: toUserState(row),
      });
    }
    return row;
  }

  /**
   * Timed suspensions that have ended become `active`, announced like any change of standing.
   * Rows are claimed with SKIP LOCKED, so replicas sweeping at once end each suspension once.
   */
  async endExpiredSuspensions(tx: EntityManager, limit: number): Promise<number> {
    const [rows] = (await tx.query(
      `UPDATE users SET status = 'active', suspended_until = NULL, version = version + 1
       WHERE id IN (
         SELECT id FROM users
         WHERE status = 'suspended' AND suspended_until <= now() AND deleted_at IS NULL
         ORDER BY suspended_until LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [limit],
    )) as [UserRow[], number];
    for (const row of rows) {
      await this.outbox.add(tx, {
        type: TOPICS.USER_STATUS_CHANGED,
        aggregateId: row.id,
        aggregateVersion: row.version,
        data: toStatusData(row),
      });
    }
    return rows.length;
  }

  /** A change of the person that is not their state (a block): the next aggregate version. */
  async nextVersion(tx: EntityManager, id: string): Promise<number> {
    const [rows] = (await tx.query(
      'UPDATE users SET version = version + 1 WHERE id = $1 RETURNING version',
      [id],
    )) as [{ version: number }[], number];
    if (!rows[0]) throw new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');
    return rows[0].version;
  }

  /**
   * Account deletion: a tombstone. The row stays (a late event cannot resurrect it); the email
   * is freed.
   */
  async tombstone(tx: EntityManager, id: string): Promise<{ version: number; deletedAt: Date }> {
    const [rows] = (await tx.query(
      `UPDATE users SET deleted_at = now(), email = NULL, password_hash = NULL,
         version = version + 1
       WHERE id = $1 RETURNING version, deleted_at`,
      [id],
    )) as [{ version: number; deleted_at: Date }[], number];
    return { version: rows[0].version, deletedAt: rows[0].deleted_at };
  }
}
