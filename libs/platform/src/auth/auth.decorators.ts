import type { ExecutionContext } from '@nestjs/common';
import { SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'rendezvous:isPublic';

/** Read by the service's OpenAPI document: every other operation needs the bearer token. */
export const PUBLIC_OPERATION_EXTENSION = 'x-rendezvous-public';

/** Marks a route that needs no access token (and documents it so). */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));

/** The verified caller of the current request (set by JwtAuthGuard). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => {
    const request = context.switchToHttp().getRequest<{ user?: AuthUser }>();
    if (!request.user) throw new Error('CurrentUser used on a route without JwtAuthGuard');
    return request.user;
  },
);
