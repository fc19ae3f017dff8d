/**
 * A person's role, carried in the access token's `role` claim (API.md, Identity). The one list:
 * the token verifiers, the user service and the `user.created`/`user.updated` schemas use it.
 */
export const ROLES = ['user', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
