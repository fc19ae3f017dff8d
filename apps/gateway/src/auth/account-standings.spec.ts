import type { AccountStanding } from '@rendezvous/contracts';
import { standingFromHash, standingTtlSeconds } from './account-standings';

describe(standingTtlSeconds.name, () => {
  const now = new Date('2026-11-26T10:00:00.000Z');
  const keep = 86_400;
  const standing = (overrides: Partial<AccountStanding>): AccountStanding => ({
    status: 'active',
    suspendedUntil: null,
    role: 'user',
    roleChangedAt: null,
    hidden: false,
    ...overrides,
  });

  it('keeps a ban and a suspension until reinstated for as long as they are in force', () => {
    expect(standingTtlSeconds(standing({ status: 'banned' }), now, keep)).toBeNull();
    expect(standingTtlSeconds(standing({ status: 'suspended' }), now, keep)).toBeNull();
  });

  it('keeps a timed suspension past its end, and an active standing as long as tokens live', () => {
    const suspendedUntil = '2026-11-26T11:00:00.000Z';
    expect(standingTtlSeconds(standing({ status: 'suspended', suspendedUntil }), now, keep)).toBe(
      3600 + keep,
    );
    const ended = standing({ status: 'suspended', suspendedUntil: '2026-11-26T09:00:00.000Z' });
    expect(standingTtlSeconds(ended, now, keep)).toBe(keep);
    expect(standingTtlSeconds(standing({ role: 'moderator' }), now, keep)).toBe(keep);
  });
});

describe(standingFromHash.name, () => {
  it('reads back what was stored, with empty fields as null', () => {
    expect(
      standingFromHash({
        version: '4',
        status: 'suspended',
        suspendedUntil: '2026-11-26T11:00:00.000Z',
        role: 'user',
        roleChangedAt: '',
        hidden: '1',
      }),
    ).toEqual({
      status: 'suspended',
      suspendedUntil: '2026-11-26T11:00:00.000Z',
      role: 'user',
      roleChangedAt: null,
      hidden: true,
    });
  });

  it('holds nothing for a person without an entry', () => {
    expect(standingFromHash({})).toBeNull();
  });
});
