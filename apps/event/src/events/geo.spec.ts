import { greatCircleKm as distanceKm, latitudeBand } from '@rendezvous/contracts';
import { parseNear } from './geo';

const paris = { lat: 48.8566, lng: 2.3522 };
const london = { lat: 51.5074, lng: -0.1278 };

describe(distanceKm.name, () => {
  it('measures great-circle distances on a 6371 km sphere', () => {
    expect(distanceKm(paris, london)).toBeCloseTo(343.5, 0);
    expect(distanceKm(paris, paris)).toBe(0);
    // A quarter of the equator.
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 90 })).toBeCloseTo(
      (Math.PI / 2) * 6371,
      6,
    );
  });

  it('measures across the antimeridian the short way', () => {
    expect(distanceKm({ lat: 0, lng: 179.9 }, { lat: 0, lng: -179.9 })).toBeCloseTo(22.24, 1);
  });
});

describe(parseNear.name, () => {
  it('reads lat,lng', () => {
    expect(parseNear('48.8566,2.3522')).toEqual(paris);
    expect(parseNear(' -33.9 , 151.2 ')).toEqual({ lat: -33.9, lng: 151.2 });
  });

  it('explains what is wrong otherwise', () => {
    expect(parseNear('48.8566')).toContain('lat,lng');
    expect(parseNear('a,b')).toContain('lat,lng');
    expect(parseNear('48,2,1')).toContain('lat,lng');
    expect(parseNear(',2')).toContain('lat,lng');
    expect(parseNear('0x10,2')).toContain('lat,lng');
    expect(parseNear('1e1,2')).toContain('lat,lng');
    expect(parseNear('91,2')).toContain('lat');
    expect(parseNear('45,-181')).toContain('lng');
  });
});

describe(latitudeBand.name, () => {
  it('covers every point within the radius and stops at the poles', () => {
    const [south, north] = latitudeBand(paris, 100);
    expect(south).toBeLessThan(paris.lat - 0.89);
    expect(north).toBeGreaterThan(paris.lat + 0.89);
    expect(latitudeBand({ lat: 89.5, lng: 0 }, 500)[1]).toBe(90);
    expect(latitudeBand({ lat: -89.5, lng: 0 }, 500)[0]).toBe(-90);
  });
});
