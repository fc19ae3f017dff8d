import { COMMON_ERRORS, MODERATION_ERRORS } from '@rendezvous/contracts';
import { standingRefusal } from './standing-rules';

const FORBIDDEN = COMMON_ERRORS.FORBIDDEN;
const CONFLICT = MODERATION_ERRORS.ACCOUNT_STATE_CONFLICT;
const active = { role: 'user', status: 'active' } as const;

describe(standingRefusal.name, () => {
  it('lets moderators warn, suspend and reinstate people with the user role', () => {
    expect(standingRefusal('moderator', active, 'warn')).toBeNull();
    expect(standingRefusal('moderator', active, 'suspend')).toBeNull();
    expect(
      standingRefusal('moderator', { ...active, status: 'suspended' }, 'reinstate'),
    ).toBeNull();
  });

  it('keeps bans and lifting them for admins', () => {
    expect(standingRefusal('moderator', active, 'ban')?.code).toBe(FORBIDDEN);
    expect(standingRefusal('moderator', { ...active, status: 'banned' }, 'reinstate')?.code).toBe(
      FORBIDDEN,
    );
    expect(standingRefusal('admin', active, 'ban')).toBeNull();
    expect(standingRefusal('admin', { ...active, status: 'banned' }, 'reinstate')).toBeNull();
  });

  it('lets nobody warn, suspend or ban an admin', () => {
    const admin = { role: 'admin', status: 'active' } as const;
    for (const action of ['warn', 'suspend', 'ban'] as const) {
      expect(standingRefusal('admin', admin, action)?.code).toBe(FORBIDDEN);
      expect(standingRefusal('moderator', admin, action)?.code).toBe(FORBIDDEN);
    }
  });

  it('keeps moderators off other moderators, while admins may act on them', () => {
    const moderator = { role: 'moderator', status: 'active' } as const;
    expect(standingRefusal('moderator', moderator, 'suspend')?.code).toBe(FORBIDDEN);
    expect(standingRefusal('moderator', moderator, 'warn')?.code).toBe(FORBIDDEN);
    expect(standingRefusal('admin', moderator, 'suspend')).toBeNull();
  });

  it('refuses actions the state does not allow with a conflict, after who may act', () => {
    const banned = { role: 'user', status: 'banned' } as const;
    expect(standingRefusal('admin', banned, 'suspend')?.code).toBe(CONFLICT);
    expect(standingRefusal('admin', banned, 'ban')?.code).toBe(CONFLICT);
    expect(standingRefusal('admin', active, 'reinstate')?.code).toBe(CONFLICT);
    expect(standingRefusal('moderator', banned, 'ban')?.code).toBe(FORBIDDEN);
  });

  it('replaces a suspension with another', () => {
    expect(standingRefusal('moderator', { ...active, status: 'suspended' }, 'suspend')).toBeNull();
  });

  it('refuses people without a staff role', () => {
    expect(standingRefusal('user', active, 'warn')?.code).toBe(FORBIDDEN);
  });
});
