import type { Role } from '@rendezvous/contracts';
import type { AuthResponse, UserTestApp } from './user-test-app';

export const PASSWORD = 'correct horse battery';

export interface Problem {
  code: string;
  detail: string;
  status: number;
  errors?: { path: string; message: string }[];
  accountStatus?: string;
  suspendedUntil?: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export async function login(t: UserTestApp, email: string): Promise<AuthResponse> {
  const response = await t.request<AuthResponse>('POST', '/auth/login', {
    body: { email, password: PASSWORD },
  });
  if (response.status !== 200) {
    throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** A fresh person given `role` by `admin`, logged in again so the token carries it. */
export async function staffMember(
  t: UserTestApp,
  admin: AuthResponse,
  role: Role,
): Promise<AuthResponse> {
  const person = await t.signup();
  const granted = await t.request('PUT', `/admin/users/${person.user.id}/role`, {
    token: admin.accessToken,
    body: { role, note: 'joins the moderation team' },
  });
  if (granted.status !== 200) {
    throw new Error(`role grant failed: ${granted.status} ${JSON.stringify(granted.body)}`);
  }
  return login(t, person.user.email);
}
