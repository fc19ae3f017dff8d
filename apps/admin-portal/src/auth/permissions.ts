import type { Role } from './token';

export interface Member {
  role: Role;
  status: 'active' | 'suspended' | 'banned';
}

/** What a role may do, as API.md's Safety and moderation and Operations sections allow. */
export const can = {
  seeAuditLog: (role: Role | null) => role === 'admin',
  seeDeadLetters: (role: Role | null) => role === 'admin',
  editVenues: (role: Role | null) => role === 'admin',
  ban: (role: Role | null) => role === 'admin',
  changeRoles: (role: Role | null) => role === 'admin',
  /** Moderators act on `user` accounts only; nobody acts on an admin. */
  actOn: (role: Role | null, member: Pick<Member, 'role'>) =>
    member.role !== 'admin' &&
    (role === 'admin' || (role === 'moderator' && member.role === 'user')),
};

export type MemberAction = 'suspend' | 'ban' | 'reinstate' | 'role';

/** The moderation actions the signed-in person may take on a member in their current state. */
export function memberActions(role: Role | null, member: Member, self: boolean): MemberAction[] {
  const actions: MemberAction[] = [];
  if (self) return actions;
  if (can.actOn(role, member)) {
    if (member.status !== 'banned') actions.push('suspend');
    if (member.status !== 'banned' && can.ban(role)) actions.push('ban');
    if (member.status === 'suspended' || (member.status === 'banned' && can.ban(role)))
      actions.push('reinstate');
  }
  if (can.changeRoles(role)) actions.push('role');
  return actions;
}
