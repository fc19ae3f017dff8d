import { tieStrength } from './tie-strength';

const t = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));

describe('tieStrength', () => {
  it('is the connection strength without a match', () => {
    expect(tieStrength({ connectionStrength: 0.5, connectionAt: t(1), matchedAt: null })).toBe(0.5);
    expect(tieStrength({ connectionStrength: 0, connectionAt: t(1), matchedAt: null })).toBe(0);
  });

  it('is 0.8 once matched, before or after the connection event', () => {
    expect(tieStrength({ connectionStrength: null, connectionAt: null, matchedAt: t(1) })).toBe(
      0.8,
    );
    expect(tieStrength({ connectionStrength: 0.5, connectionAt: t(2), matchedAt: t(1) })).toBe(0.8);
  });

  it('ends when the connection is removed after the match, and a later match restores it', () => {
    expect(tieStrength({ connectionStrength: 0, connectionAt: t(2), matchedAt: t(1) })).toBe(0);
    expect(tieStrength({ connectionStrength: 0, connectionAt: t(2), matchedAt: t(3) })).toBe(0.8);
  });
});
