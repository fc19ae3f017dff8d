import type { AuthProvider } from 'react-admin';
import type { Api } from '../api/client';
import { unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import type { Session } from './session';
import { isStaff, readClaims } from './token';

export const NO_ACCESS =
  'This account has no access to the admin portal: it is for moderators and admins. You have been signed out.';

export const SESSION_ENDED = 'Your session has ended. Sign in to continue.';

/**
 * Sign-in against the public API. Only moderators and admins get in; anyone else is signed out at
 * once (their refresh token revoked) and told why. Sign-out revokes the refresh token.
 */
export function createAuthProvider(api: Api, session: Session): AuthProvider {
  // Logout, unlike refresh, needs an access token beside the refresh token it revokes.
  const logout = (accessToken: string, refreshToken: string) =>
    unwrap(
      api.POST('/api/v1/auth/logout', {
        body: { refreshToken },
        headers: { authorization: `Bearer ${accessToken}` },
      }),
    ).catch(() => undefined);
  const revoke = async () => {
    const accessToken = await session.token().catch(() => null);
    const refreshToken = session.refreshToken;
    session.end();
    if (refreshToken && accessToken) await logout(accessToken, refreshToken);
  };

  return {
    async login({ email, password }: { email: string; password: string }) {
      const result = await unwrap(
        api.POST('/api/v1/auth/login', { body: { email: email.trim(), password } }),
      );
      // A plain member's session never starts, so nothing else on the page sees it come and go.
      if (!isStaff(readClaims(result.accessToken).role)) {
        await logout(result.accessToken, result.refreshToken);
        throw new Error(NO_ACCESS);
      }
      session.start(result);
    },
    async logout() {
      await revoke();
    },
    async checkAuth() {
      if (!session.refreshToken) {
        // A first visit just shows the sign-in page; only a session that ended here says why.
        if (session.ended) throw new Error(SESSION_ENDED);
        throw { message: false };
      }
      await session.token();
      if (!session.role || !isStaff(session.role)) {
        await revoke();
        throw new Error(NO_ACCESS);
      }
    },
    async checkError(error: unknown) {
      // The client already refreshed once on a 401: another one means the session is over.
      if (error instanceof ApiError && error.status === 401) {
        await revoke();
        throw error;
      }
      // A refresh after a role change (401 AUTH.ROLE_CHANGED) can bring back a plain member's token.
      if (
        error instanceof ApiError &&
        error.status === 403 &&
        session.role &&
        !isStaff(session.role)
      ) {
        await revoke();
        throw new Error(NO_ACCESS);
      }
    },
    async getIdentity() {
      const identity = session.identity;
      if (!identity) throw new Error('not signed in');
      return { id: identity.id, fullName: `${identity.name} (${identity.role})` };
    },
    async getPermissions() {
      return session.role;
    },
  };
}
