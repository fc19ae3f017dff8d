import { Injectable } from '@nestjs/common';
import type { Role } from '@rendezvous/contracts';
import { DomainError, MODERATION_ERRORS, USER_ERRORS } from '@rendezvous/contracts';
import type { AuthUser, Page } from '@rendezvous/platform';
import { decodeCursor, toPage } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { isAdminEmail, parseAdminEmails } from '../auth/email';
import { UserConfig } from '../config';
import type { UserProfileView } from '../users/user-object';
import { toUserObject } from '../users/user-record';
import { UsersRepository } from '../users/users.repository';
import type { StandingRequest } from './account-standing.service';
import { AccountStandingService } from './account-standing.service';
import type { AdminProfileView, AdminUserDetail, AdminUserItem } from './admin-user-views';
import type { AdminUserFilters } from './admin-users.repository';
import { AdminUsersRepository, adminUserCursor, toAdminUserItem } from './admin-users.repository';

/** The audit entries shown with a person; the whole log is at GET /admin/audit. */
const HISTORY_LIMIT = 100;

/** Admin views show `location.city` only (API.md, location privacy). */
function adminProfile(profile: UserProfileView): AdminProfileView {
  const { location, ...rest } = profile;
  return { ...rest, location: location ? { city: location.city ?? null } : null };
}

const notFound = () => new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');

@Injectable()
export class AdminUsersService {
  private readonly admins: Set<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly adminUsers: AdminUsersRepository,
    private readonly standing: AccountStandingService,
    private readonly audit: AuditLogRepository,
    config: UserConfig,
  ) {
    this.admins = parseAdminEmails(config.ADMIN_EMAILS);
  }

  async list(
    filters: AdminUserFilters,
    limit: number,
    cursor?: string,
  ): Promise<Page<AdminUserItem>> {
    const after = decodeCursor(cursor, 'instant');
    const rows = await this.adminUsers.page(this.dataSource.manager, filters, after, limit);
    return toPage(rows, limit, adminUserCursor, toAdminUserItem);
  }

  async detail(id: string): Promise<AdminUserDetail> {
    const db = this.dataSource.manager;
    const row = await this.adminUsers.find(db, id);
    if (!row) throw notFound();
    const { status, suspendedUntil } = toAdminUserItem(row);
    const user = toUserObject(row);
    return {
      ...user,
      profile: adminProfile(user.profile),
      status,
      suspendedUntil,
      ...(await this.adminUsers.reportCounts(db, id)),
      history: await this.audit.about(db, id, HISTORY_LIMIT),
    };
  }

  async act(
    actor: AuthUser,
    id: string,
    action: 'suspend' | 'ban' | 'reinstate',
    request: StandingRequest,
  ): Promise<AdminUserItem> {
    return this.dataSource.transaction(async (tx) => {
      await this.standing.act(tx, actor, id, action, request);
      return this.item(tx, id);
    });
  }

  /**
   * Admins change roles, never their own, and an `ADMIN_EMAILS` account stays admin. A removal
   * refuses the old tokens at once (`role_changed_at`); new tokens carry the role.
   */
  async changeRole(actor: AuthUser, id: string, role: Role, note: string): Promise<AdminUserItem> {
    return this.dataSource.transaction(async (tx) => {
      const subject = await this.users.lockActive(tx, id);
      if (subject.id === actor.id) {
        throw new DomainError(MODERATION_ERRORS.ROLE_CONFLICT, 'You cannot change your own role');
      }
      if (subject.role === role) {
        throw new DomainError(MODERATION_ERRORS.ROLE_CONFLICT, `This person already is ${role}`);
      }
      if (isAdminEmail(subject.email, this.admins)) {
        throw new DomainError(
          MODERATION_ERRORS.ROLE_CONFLICT,
          'This account is in ADMIN_EMAILS and stays admin',
        );
      }
      await this.users.changeStanding(tx, id, { role });
      await this.audit.append(tx, {
        actorId: actor.id,
        action: 'user.role_changed',
        subjectUserId: id,
        note,
      });
      return this.item(tx, id);
    });
  }

  private async item(tx: EntityManager, id: string): Promise<AdminUserItem> {
    const row = await this.adminUsers.find(tx, id);
    if (!row) throw notFound();
    return toAdminUserItem(row);
  }
}
