import { NO_INTERACTIONS } from './venue-score';
import { personScore } from './person-score';

describe('personScore', () => {
  it('scores a friend with strength 0.8 and no venue given 0.48', () => {
    const scored = personScore(0.8, NO_INTERACTIONS, NO_INTERACTIONS);
    expect(scored.score).toBe(0.48);
    expect(scored.factors).toEqual({ strength: 0.8, venue: 0, category: 0 });
  });

  it('adds the friend’s taste for the venue and its category', () => {
    // venue: 0.5·1 + 150/300 = 1; category: 0.3·1 + 300/600 = 0.8
    const scored = personScore(
      0.5,
      { likes: 1, dwellSeconds: 150 },
      { likes: 1, dwellSeconds: 300 },
    );
    expect(scored.factors).toEqual({ strength: 0.5, venue: 1, category: 0.8 });
    expect(scored.score).toBe(0.67);
  });

  it('caps both affinities at 1', () => {
    const scored = personScore(1, { likes: 10, dwellSeconds: 0 }, { likes: 0, dwellSeconds: 6000 });
    expect(scored.factors).toEqual({ strength: 1, venue: 1, category: 1 });
    expect(scored.score).toBe(1);
  });
});
