import {
  affinity,
  affinitySql,
  affinityText,
  CATEGORY_AFFINITY,
  VENUE_AFFINITY,
} from './formula-constants';

describe('the affinity formula', () => {
  it('is the same in TypeScript, SQL and the documentation', () => {
    expect(affinity({ likes: 1, dwellSeconds: 60 }, VENUE_AFFINITY)).toBeCloseTo(0.7);
    expect(affinity({ likes: 4, dwellSeconds: 0 }, CATEGORY_AFFINITY)).toBe(1);
    expect(affinitySql('l', 'd', VENUE_AFFINITY)).toBe('least(1, 0.5 * l + d / 300::float8)');
    expect(affinityText(CATEGORY_AFFINITY)).toBe('min(1, 0.3·likes + dwell/600)');
  });
});
