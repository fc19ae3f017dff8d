import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AUTH_ERRORS, DomainError, accountSuspendedError } from '@rendezvous/contracts';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../common/postgres-errors';
import { UserConfig } from '../config';
import { signAccessToken } from '../keys/access-tokens';
import { SigningKeys } from '../keys/signing-keys';
import { DEFAULT_PREFERENCES } from '../users/preferences';
import { EMPTY_PROFILE } from '../users/profile';
import { isSuspendedNow, standingOf } from '../users/standing';
import type { UserRow } from '../users/user-record';
import { toUserObject } from '../users/user-record';
import { UsersRepository } from '../users/users.repository';
import { shouldTouchLastActive } from './activity';
import type { AuthResult } from './auth-result';
import type { LoginDto, SignupDto } from './dto/auth.dto';
import { loginRole, parseAdminEmails, signupRole } from './email';
import { LoginLockout } from './login-lockout';
import { hashPassword, verifyPassword } from './passwords';
import {
  consumeRefreshToken,
  findRefreshToken,
  insertRefreshToken,
  revokeFamily,
} from './refresh-tokens.repository';

const INVALID_CREDENTIALS = 'The email or password is incorrect';
const INVALID_REFRESH = 'The refresh token is invalid or expired';

/** Login (after a correct password) and refresh of a suspended or banned person: 403. */
function assertNotSuspended(user: UserRow): void {
  if (isSuspendedNow(user)) throw accountSuspendedError(403, standingOf(user));
}

@Injectable()
export class AuthService {
  private readonly admins: Set<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly keys: SigningKeys,
    private readonly lockout: LoginLockout,
    private readonly config: UserConfig,
  ) {
    this.admins = parseAdminEmails(config.ADMIN_EMAILS);
  }

  async signup(dto: SignupDto): Promise<AuthResult> {
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const user = await this.users.insert(tx, {
          id: randomUUID(),
          email: dto.email,
          passwordHash,
          name: dto.name,
          role: signupRole(dto.email, this.admins),
          profile: EMPTY_PROFILE,
          preferences: DEFAULT_PREFERENCES,
          lastActiveAt: new Date(),
        });
        return this.issue(tx, user);
      });
    } catch (error) {
      // The unique index decides between racing signups.
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new DomainError(AUTH_ERRORS.EMAIL_TAKEN, 'An account with this email already exists');
      }
      throw error;
    }
  }

  async login(dto: LoginDto): Promise<AuthResult> {
    await this.lockout.assertAllowed(dto.email);
    const found = await this.users.findActiveByEmail(this.dataSource.manager, dto.email);
    const ok = await verifyPassword(found?.password_hash ?? undefined, dto.password);
    if (!found || !ok) {
      await this.lockout.recordFailure(dto.email);
      throw new DomainError(AUTH_ERRORS.INVALID_CREDENTIALS, INVALID_CREDENTIALS);
    }
    await this.lockout.reset(dto.email);
    const result = await this.dataSource.transaction(async (tx) => {
      // Locked: a role change or suspension committing meanwhile is waited for, not missed.
      const user = await this.users.lockIfActive(tx, found.id);
      if (!user) return undefined;
      assertNotSuspended(user);
      return this.issue(tx, await this.touch(tx, user, true));
    });
    // Deleted between the check and the transaction.
    if (!result) throw new DomainError(AUTH_ERRORS.INVALID_CREDENTIALS, INVALID_CREDENTIALS);
    return result;
  }

  async refresh(token: string): Promise<AuthResult> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const consumed = await consumeRefreshToken(tx, token);
      if (!consumed) {
        const known = await findRefreshToken(tx, token);
        // A suspension revoked the token; its holder learns why rather than "invalid".
        const owner = known && (await this.users.findActive(tx, known.user_id));
        if (owner) assertNotSuspended(owner);
        if (known?.used_at) {
          await revokeFamily(tx, known.family_id);
          return 'reused' as const;
        }
        return 'invalid' as const;
      }
      const user = await this.users.lockIfActive(tx, consumed.user_id);
      if (!user) return 'invalid' as const;
      assertNotSuspended(user);
      return this.issue(tx, await this.touch(tx, user, false), consumed.family_id);
    });
    // Thrown after commit, so the family's revocation sticks.
    if (outcome === 'reused') {
      throw new DomainError(
        AUTH_ERRORS.REFRESH_TOKEN_REUSED,
        'This refresh token was already used; all sessions of its family are revoked',
      );
    }
    if (outcome === 'invalid')
      throw new DomainError(AUTH_ERRORS.INVALID_REFRESH_TOKEN, INVALID_REFRESH);
    return outcome;
  }

  /** Revokes the token's family if the token is the caller's; silent otherwise (idempotent). */
  async logout(userId: string, token: string): Promise<void> {
    const known = await findRefreshToken(this.dataSource.manager, token);
    if (known && known.user_id === userId)
      await revokeFamily(this.dataSource.manager, known.family_id);
  }

  /**
   * On the locked row: an `ADMIN_EMAILS` account is made admin at login if needed (roles granted
   * through the API stay); lastActiveAt moves at most once an hour.
   */
  private async touch(tx: EntityManager, user: UserRow, login: boolean): Promise<UserRow> {
    let row = user;
    const role = login ? loginRole(user.email, user.role, this.admins) : user.role;
    if (role !== user.role) row = await this.users.changeStanding(tx, user.id, { role });
    if (shouldTouchLastActive(row.last_active_at)) {
      row = await this.users.update(tx, user.id, { lastActiveAt: new Date() });
    }
    return row;
  }

  private async issue(tx: EntityManager, user: UserRow, familyId?: string): Promise<AuthResult> {
    const ttl = this.config.JWT_ACCESS_TTL_SECONDS;
    const [accessToken, refreshToken] = await Promise.all([
      signAccessToken(
        this.keys.current,
        { userId: user.id, role: user.role, issuer: this.config.JWT_ISSUER },
        ttl,
      ),
      insertRefreshToken(tx, user.id, this.config.REFRESH_TOKEN_TTL_DAYS, familyId),
    ]);
    return { user: toUserObject(user), accessToken, refreshToken, expiresIn: ttl };
  }
}
