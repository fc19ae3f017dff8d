import { Injectable } from '@nestjs/common';
import type {
  Role,
  UserPreferencesData,
  UserProfileData,
  UserStateData,
} from '@rendezvous/contracts';
import { DomainError, TOPICS, USER_ERRORS } from '@rendezvous/contracts';
import { OutboxService } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import type { UserRow } from './user-record';
import { toUserState } from './user-record';

type Queryable = Pick<EntityManager, 'query'>;

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
  role?: Role;
  profile?: UserProfileData;
  preferences?: UserPreferencesData;
  lastActiveAt?: Date;
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
    await this.outbox.add<UserStateData>(tx, {
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

  /** Locks the person's row for the rest of the transaction; serialises their changes. */
  async lockActive(tx: EntityManager, id: string): Promise<UserRow> {
    const rows = (await tx.query(
      'SELECT * FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
      [id],
    )) as UserRow[];
    if (!rows[0]) throw new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');
    return rows[0];
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
         role = COALESCE($3, role),
         profile = COALESCE($4, profile),
         preferences = COALESCE($5, preferences),
         last_active_at = COALESCE($6, last_active_at),
         version = version + 1
       WHERE id = $1 AND deleted_at IS NULL RETURNING *`,
      [
        id,
        changes.name ?? null,
        changes.role ?? null,
        changes.profile ?? null,
        changes.preferences ?? null,
        changes.lastActiveAt ?? null,
      ],
    )) as [UserRow[], number];
    const row = rows[0];
    if (!row) throw new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');
    await this.outbox.add<UserStateData>(tx, {
      type: TOPICS.USER_UPDATED,
      aggregateId: row.id,
      aggregateVersion: row.version,
      data: toUserState(row),
    });
    return row;
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
}
