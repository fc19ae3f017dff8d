import { interactionEffect } from '../interactions/interaction-effect';
import { greatCircleKm as distanceKm } from '@rendezvous/contracts';
import { NO_INTERACTIONS, popularity, venueScore } from './venue-score';

const home = { lat: 48.8566, lng: 2.3522 };
// 1 km due north on a 6371 km sphere.
const oneKmNorth = { lat: home.lat + (1 / 6371) * (180 / Math.PI), lng: home.lng };

describe('venueScore', () => {
  it('scores a venue at home with no interactions anywhere 0.40', () => {
    expect(venueScore(0, NO_INTERACTIONS, 0, 0).score).toBe(0.4);
  });

  it('scores a venue 1 km away with no interactions 0.2963', () => {
    const km = distanceKm(home, oneKmNorth);
    expect(km).toBeCloseTo(1, 9);
    const scored = venueScore(km, NO_INTERACTIONS, 0, 0);
    expect(scored.score).toBe(0.2963);
    expect(scored.factors).toEqual({ distance: 0.7408, preference: 0, popularity: 0 });
  });

  it('counts likes at 0.5 and dwell per 300 s, capped at 1', () => {
    expect(venueScore(0, { likes: 1, dwellSeconds: 0 }, 0, 0).factors.preference).toBe(0.5);
    expect(venueScore(0, { likes: 0, dwellSeconds: 150 }, 0, 0).factors.preference).toBe(0.5);
    const capped = venueScore(0, { likes: 3, dwellSeconds: 900 }, 0, 0);
    expect(capped.factors.preference).toBe(1);
    expect(capped.score).toBe(0.8);
  });

  it('lets views add dwell but not likes or popularity', () => {
    const view = interactionEffect('view', 60);
    expect(view).toEqual({ likes: 0, dwellSeconds: 60 });
    expect(interactionEffect('like', 0).likes).toBe(1);
    expect(interactionEffect('interest', 30)).toEqual({ likes: 1, dwellSeconds: 30 });
    expect(venueScore(0, view, 0, 0).factors.preference).toBe(0.2);
  });

  it('normalises popularity by the top venue, 0 when no venue has likes', () => {
    expect(popularity(5, 10)).toBe(0.5);
    expect(popularity(10, 10)).toBe(1);
    expect(popularity(0, 0)).toBe(0);
    expect(venueScore(0, NO_INTERACTIONS, 10, 10).score).toBe(0.6);
  });

  it('gives no distance part without a distance (cold start)', () => {
    const scored = venueScore(null, NO_INTERACTIONS, 4, 8);
    expect(scored.factors.distance).toBe(0);
    expect(scored.score).toBe(0.1);
  });

  it('takes its weights from settings', () => {
    const weights = { distance: 1, preference: 0, popularity: 0, decayPerKm: 0.3 };
    expect(venueScore(0, { likes: 2, dwellSeconds: 0 }, 1, 1, weights).score).toBe(1);
  });
});
