import { prunedRankingIsExact } from './venue-pruning';
import { DEFAULT_VENUE_WEIGHTS } from './formula-constants';

describe('prunedRankingIsExact', () => {
  it('accepts when the last kept score beats anything farther and less popular', () => {
    // bound = 0.4·e^(−0.6) + 0.2·0.1 = 0.2395
    expect(prunedRankingIsExact([0.4, 0.3, 0.25], 3, 2, 0.1, DEFAULT_VENUE_WEIGHTS)).toBe(true);
  });

  it('refuses when a venue outside could still score higher', () => {
    expect(prunedRankingIsExact([0.4, 0.3, 0.2], 3, 2, 0.1, DEFAULT_VENUE_WEIGHTS)).toBe(false);
    expect(prunedRankingIsExact([0.4, 0.3, 0.25], 3, 2, 0.5, DEFAULT_VENUE_WEIGHTS)).toBe(false);
  });

  it('refuses when the candidates do not fill the page', () => {
    expect(prunedRankingIsExact([0.9], 2, 128, 0, DEFAULT_VENUE_WEIGHTS)).toBe(false);
  });
});
