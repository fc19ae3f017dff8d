import { describe, expect, it } from 'vitest';
import { can, memberActions } from './permissions';
import type { Member } from './permissions';
import type { Role } from './token';

describe('can', () => {
  it('keeps admin-only pages from moderators', () => {
    for (const check of [
      can.seeAuditLog,
      can.seeDeadLetters,
      can.editVenues,
      can.ban,
      can.changeRoles,
    ]) {
      expect([check('admin'), check('moderator'), check('user'), check(null)]).toEqual([
        true,
        false,
        false,
        false,
      ]);
    }
  });
});

describe('memberActions', () => {
  const cases: [Role | null, Member['role'], Member['status'], boolean, string[]][] = [
    // actor, member role, member status, self, actions
    ['moderator', 'user', 'active', false, ['suspend']],
    ['moderator', 'user', 'suspended', false, ['suspend', 'reinstate']],
    ['moderator', 'user', 'banned', false, []],
    ['moderator', 'moderator', 'active', false, []],
    ['moderator', 'admin', 'active', false, []],
    ['moderator', 'user', 'active', true, []],
    ['admin', 'user', 'active', false, ['suspend', 'ban', 'role']],
    ['admin', 'user', 'suspended', false, ['suspend', 'ban', 'reinstate', 'role']],
    ['admin', 'user', 'banned', false, ['reinstate', 'role']],
    ['admin', 'moderator', 'active', false, ['suspend', 'ban', 'role']],
    // Nobody acts on an admin's account, but an admin may still change an admin's role.
    ['admin', 'admin', 'active', false, ['role']],
    ['admin', 'admin', 'active', true, []],
    ['user', 'user', 'active', false, []],
    [null, 'user', 'suspended', false, []],
  ];

  it.each(cases)('%s on a %s %s member (self: %s) may %j', (actor, role, status, self, actions) => {
    expect(memberActions(actor, { role, status }, self)).toEqual(actions);
  });
});
