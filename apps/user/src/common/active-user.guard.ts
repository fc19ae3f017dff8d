import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@rendezvous/platform';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import { DataSource } from 'typeorm';

/**
 * Runs after the platform's token check: a still-valid token of a deleted (or unknown) user
 * gets 401 here at once, before the gateway learns of the deletion.
 */
@Injectable()
export class ActiveUserGuard implements CanActivate {
  constructor(private readonly dataSource: DataSource) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) throw new DomainError(COMMON_ERRORS.UNAUTHORIZED, 'An access token is required');
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL',
      [user.id],
    );
    if (rows.length === 0) {
      throw new DomainError(COMMON_ERRORS.UNAUTHORIZED, 'The account no longer exists');
    }
    return true;
  }
}
