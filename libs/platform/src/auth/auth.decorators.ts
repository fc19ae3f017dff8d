import type { ExecutionContext } from '@nestjs/common';
import { SetMetadata, createParamDecorator } from '@nestjs/common';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'rendezvous:isPublic';

/** Marks a route that needs no access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The verified caller of the current request (set by JwtAuthGuard). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => {
    const request = context.switchToHttp().getRequest<{ user?: AuthUser }>();
    if (!request.user) throw new Error('CurrentUser used on a route without JwtAuthGuard');
    return request.user;
  },
);
