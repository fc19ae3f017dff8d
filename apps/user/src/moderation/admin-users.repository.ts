import { Injectable } from '@nestjs/common';
import type { AccountStatus, Role } from '@rendezvous/contracts';
import type { Cursor, Queryable } from '@rendezvous/platform';
import { effectiveStatus, effectiveStatusSql } from '../users/standing';
import type { UserRow } from '../users/user-record';
import type { AdminUserItem } from './admin-user-views';

export type AdminUserRow = UserRow & { open_reports: number };

export interface AdminUserFilters {
  q?: string;
  status?: AccountStatus;
  role?: Role;
}

export function toAdminUserItem(row: AdminUserRow): AdminUserItem {
  return {
    id: row.id,
    email: row.email ?? '',
    name: row.name,
    role: row.role,
    ...effectiveStatus(row),
    createdAt: row.created_at.toISOString(),
    lastActiveAt: row.last_active_at?.toISOString() ?? null,
    openReports: row.open_reports,
  };
}

export const adminUserCursor = (row: AdminUserRow): Cursor => ({
  key: row.created_at.toISOString(),
  id: row.id,
});

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const WITH_OPEN_REPORTS = `u.*, (SELECT count(*)::int FROM reports r
  WHERE r.subject_user_id = u.id AND r.status = 'open') AS open_reports`;

/** Reads of people for moderators; never the deleted. */
@Injectable()
export class AdminUsersRepository {
  /** Newest first; `q` is an email prefix or a part of the name, any case. */
  async page(
    db: Queryable,
    filters: AdminUserFilters,
    after: Cursor | null,
    limit: number,
  ): Promise<AdminUserRow[]> {
    const q = filters.q === undefined ? null : likeEscaped(filters.q.toLowerCase());
    return (await db.query(
      `SELECT ${WITH_OPEN_REPORTS} FROM users u
       WHERE u.deleted_at IS NULL
         AND ($1::text IS NULL OR u.email LIKE $1 || '%' OR lower(u.name) LIKE '%' || $1 || '%')
         AND ($2::text IS NULL OR ${effectiveStatusSql('u')} = $2)
         AND ($3::text IS NULL OR u.role = $3)
         AND ($4::timestamptz IS NULL OR (u.created_at, u.id) < ($4::timestamptz, $5::uuid))
       ORDER BY u.created_at DESC, u.id DESC LIMIT $6`,
      [
        q,
        filters.status ?? null,
        filters.role ?? null,
        after?.key ?? null,
        after?.id ?? null,
        limit + 1,
      ],
    )) as AdminUserRow[];
  }

  async find(db: Queryable, id: string): Promise<AdminUserRow | undefined> {
    const rows = (await db.query(
      `SELECT ${WITH_OPEN_REPORTS} FROM users u WHERE u.id = $1 AND u.deleted_at IS NULL`,
      [id],
    )) as AdminUserRow[];
    return rows[0];
  }

  /** Reports about the person and by them, whatever their status. */
  async reportCounts(
    db: Queryable,
    id: string,
  ): Promise<{ reportsAgainst: number; reportsFiled: number }> {
    const [row] = (await db.query(
      `SELECT (SELECT count(*)::int FROM reports WHERE subject_user_id = $1) AS against,
              (SELECT count(*)::int FROM reports WHERE reporter_id = $1) AS filed`,
      [id],
    )) as { against: number; filed: number }[];
    return { reportsAgainst: row.against, reportsFiled: row.filed };
  }
}
