import type { AccountStanding, Role } from '@rendezvous/contracts';
import { ROLES, roleAtLeast } from '@rendezvous/contracts';
import type { AuthUser } from '@rendezvous/platform';

/** Every connection of one person: their notifications go here. */
export const userRoom = (userId: string) => `user:${userId}`;

/** Everyone whose current role is `role`: staff-wide notices (report created) go here. */
export const roleRoom = (role: Role) => `role:${role}`;

/**
 * One person's connections whose token claims `role`. Never moved: when the person loses a role,
 * the connections whose tokens claim it are the ones to close.
 */
export const tokenRoleRoom = (userId: string, role: Role) => `user:${userId}:token-role:${role}`;

export const rolesAbove = (role: Role): Role[] =>
  ROLES.filter((other) => other !== role && roleAtLeast(other, role));

/**
 * The role room a connection joins: the person's current role as the gateway knows it, unless
 * the token was issued after the last role change it knows of (a grant not seen yet). So someone
 * granted a role keeps receiving that role's notices before their token is refreshed.
 */
export function roomRoleOf(user: AuthUser, standing: AccountStanding | null): Role {
  if (!standing || standing.roleChangedAt === null) return user.role;
  const tokenIsNewer = (user.issuedAt ?? 0) * 1000 > Date.parse(standing.roleChangedAt);
  return tokenIsNewer ? user.role : standing.role;
}
