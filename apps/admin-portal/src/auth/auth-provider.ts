import type { AuthProvider } from 'react-admin';
import type { Api } from '../api/client';
import { unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import type { Session } from './session';
import { isStaff } from './token';

export const NO_ACCESS =
  'This account has no access to the admin portal: it is for moderators and admins. You have been signed out.';

/**
 * Sign-in against the public API. Only moderators and admins get in; anyone else is signed out at
 * once (their refresh token revoked) and told why. Sign-out revokes the refresh token.
 */
export function createAuthProvider(api: Api, session: Session): AuthProvider {
  const revoke = async () => {
    // Logout, unlike refresh, needs an access token beside the refresh token it revokes.
    const accessToken = await session.token().catch(() => null);
    const refreshToken = session.refreshToken;
    session.end();
    if (refreshToken && accessToken)
      await unwrap(
        api.POST('/api/v1/auth/logout', {
          body: { refreshToken },
          headers: { authorization: `Bearer ${accessToken}` },
        }),
      ).catch(() => undefined);
  };

  return {
    async login({ email, password }: { email: string; password: string }) {
      const result = await unwrap(
        api.POST('/api/v1/auth/login', { body: { email: email.trim(), password } }),
      );
      session.start(result);
      if (!session.role || !isStaff(session.role)) {
        await revoke();
        throw new Error(NO_ACCESS);
      }
    },
    async logout() {
      await revoke();
    },
    async checkAuth() {
      if (!session.refreshToken) throw new Error('Sign in to continue.');
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
