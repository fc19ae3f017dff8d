import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@rendezvous/platform';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import { DataSource } from 'typeorm';
import { UserAccessRepository } from '../auth/user-access.repository';

/**
 * Runs after the platform's token check: a still-valid token of a deleted (or unknown) user
 * gets 401 here at once, before the gateway learns of the deletion.
 */
@Injectable()
export class ActiveUserGuard implements CanActivate {
  private readonly access = new UserAccessRepository();

  constructor(private readonly dataSource: DataSource) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) throw new DomainError(COMMON_ERRORS.UNAUTHORIZED, 'An access token is required');
    if (!(await this.access.isLiving(this.dataSource, user.id))) {
      throw new DomainError(COMMON_ERRORS.UNAUTHORIZED, 'The account no longer exists');
    }
    return true;
  }
}
