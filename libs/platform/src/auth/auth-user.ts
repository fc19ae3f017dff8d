import type { Role } from '@rendezvous/contracts';

/** The caller, as proven by a verified access token. */
export interface AuthUser {
  id: string;
  role: Role;
  /** The token's `iat` (seconds); decides whether a role change came after the token. */
  issuedAt?: number;
}
