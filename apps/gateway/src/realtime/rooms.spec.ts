import type { AccountStanding } from '@rendezvous/contracts';
import { rolesAbove, roomRoleOf } from './rooms';

describe(roomRoleOf.name, () => {
  const changedAt = '2026-11-26T10:00:00.000Z';
  const issuedAt = (iso: string) => Date.parse(iso) / 1000;
  const standing = (overrides: Partial<AccountStanding>): AccountStanding => ({
    status: 'active',
    suspendedUntil: null,
    role: 'moderator',
    roleChangedAt: changedAt,
    hidden: false,
    ...overrides,
  });

  it('takes the role from the token when nothing changed it', () => {
    expect(roomRoleOf({ id: 'u', role: 'user', issuedAt: 1 }, null)).toBe('user');
    expect(
      roomRoleOf({ id: 'u', role: 'admin', issuedAt: 1 }, standing({ roleChangedAt: null })),
    ).toBe('admin');
  });

  it('puts a person granted a role in its room before their token is refreshed', () => {
    const before = issuedAt('2026-11-26T09:00:00.000Z');
    expect(roomRoleOf({ id: 'u', role: 'user', issuedAt: before }, standing({}))).toBe('moderator');
  });

  it('trusts a token issued after the last role change the gateway knows of', () => {
    const after = issuedAt('2026-11-26T10:00:01.000Z');
    expect(roomRoleOf({ id: 'u', role: 'admin', issuedAt: after }, standing({}))).toBe('admin');
  });
});

describe(rolesAbove.name, () => {
  it('lists the roles a person loses when moved down to a role', () => {
    expect(rolesAbove('user')).toEqual(['moderator', 'admin']);
    expect(rolesAbove('moderator')).toEqual(['admin']);
    expect(rolesAbove('admin')).toEqual([]);
  });
});
