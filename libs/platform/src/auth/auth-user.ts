export type Role = 'user' | 'admin';

/** The caller, as proven by a verified access token. */
export interface AuthUser {
  id: string;
  role: Role;
}
