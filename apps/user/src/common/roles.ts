import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Injectable, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiResponse } from '@nestjs/swagger';
import type { Role } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError, roleAtLeast } from '@rendezvous/contracts';
import type { AuthUser } from '@rendezvous/platform';

const REQUIRED_ROLE = 'user:requiredRole';

/** Checks the token's role before the body is looked at, whatever the gateway did. */
@Injectable()
export class RoleGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const least = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!least) return true;
    const caller = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!caller || !roleAtLeast(caller.role, least)) {
      const who = least === 'admin' ? 'admins' : 'moderators and admins';
      throw new DomainError(COMMON_ERRORS.FORBIDDEN, `Only ${who} may do this`);
    }
    return true;
  }
}

/**
 * A route for `least` and the roles above it; anyone else gets 403 COMMON.FORBIDDEN.
 * `alsoForbidden` documents the route's own 403s (the document has one description per status).
 */
export const RequireRole = (least: Role, alsoForbidden?: string) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLE, least),
    UseGuards(RoleGuard),
    ApiResponse({
      status: 403,
      description: [
        least === 'admin'
          ? 'not an admin (COMMON.FORBIDDEN)'
          : 'neither a moderator nor an admin (COMMON.FORBIDDEN)',
        ...(alsoForbidden ? [alsoForbidden] : []),
      ].join('; '),
    }),
  );
