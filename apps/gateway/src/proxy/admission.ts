import { Injectable } from '@nestjs/common';
import { COMMON_ERRORS, DomainError, roleAtLeast } from '@rendezvous/contracts';
import type { AuthUser } from '@rendezvous/platform';
import { TokenVerifier, bearerToken } from '@rendezvous/platform';
import type { FastifyRequest } from 'fastify';
import { RecentlyAdmitted } from '../auth/recently-admitted';
import { GatewayConfig } from '../config';
import { RateLimits } from '../rate-limit/rate-limits';
import type { ClientIpResolver } from '../routing/client-ip';
import { clientIpResolver } from '../routing/client-ip';
import { classifyRoute } from '../routing/routes';

/**
 * What every `/api/v1` request passes before it is served or forwarded: the credential
 * limit per IP on signup/login/refresh, the access token (unless the route is public), the
 * general limit per user (per IP before login), and the role for admin routes.
 */
@Injectable()
export class Admission {
  private readonly clientIp: ClientIpResolver;

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly limits: RateLimits,
    private readonly recentlyAdmitted: RecentlyAdmitted,
    config: GatewayConfig,
  ) {
    this.clientIp = clientIpResolver(config.TRUST_PROXY);
  }

  ipOf(request: FastifyRequest): string {
    return this.clientIp(request.raw);
  }

  async admit(request: FastifyRequest): Promise<AuthUser | undefined> {
    const ip = this.ipOf(request);
    const route = classifyRoute(request.method, request.url);
    if (route.isCredentialRoute) await this.limits.consumeCredentialAttempt(ip);
    if (route.isPublic) {
      await this.limits.consume(`ip:${ip}`);
      return undefined;
    }
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      await this.limits.consume(`ip:${ip}`);
      throw new DomainError(COMMON_ERRORS.UNAUTHORIZED, 'An access token is required');
    }
    let user: AuthUser;
    try {
      user = await this.verifier.verify(token, this.recentlyAdmitted);
    } catch (error) {
      await this.limits.consume(`ip:${ip}`);
      throw error;
    }
    await this.limits.consume(`user:${user.id}`);
    if (route.isStaffOnly && !roleAtLeast(user.role, 'moderator')) {
      throw new DomainError(COMMON_ERRORS.FORBIDDEN, 'Only moderators and admins can do this');
    }
    if (route.isAdminOnly && user.role !== 'admin') {
      throw new DomainError(COMMON_ERRORS.FORBIDDEN, 'Only admins can do this');
    }
    return user;
  }
}
