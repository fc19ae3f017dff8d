import {
  greatCircleKm as distanceKm,
  singleBoundingBox as boundingBox,
} from '@rendezvous/contracts';

describe('distanceKm', () => {
  it('is great-circle on a 6371 km sphere', () => {
    // A quarter of the equator.
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 90 })).toBeCloseTo(
      (Math.PI / 2) * 6371,
      6,
    );
    expect(distanceKm({ lat: 10, lng: 10 }, { lat: 10, lng: 10 })).toBe(0);
  });
});

describe('boundingBox', () => {
  it('holds every point within the distance', () => {
    const centre = { lat: 51.5, lng: -0.1 };
    const box = boundingBox(centre, 10);
    expect(box).not.toBeNull();
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
      const rad = (bearing * Math.PI) / 180;
      const dLat = (10 / 6371) * (180 / Math.PI) * Math.cos(rad) * 0.999;
      const dLng =
        ((10 / 6371) * (180 / Math.PI) * Math.sin(rad) * 0.999) / Math.cos((51.5 * Math.PI) / 180);
      const p = { lat: centre.lat + dLat, lng: centre.lng + dLng };
      expect(p.lat).toBeGreaterThanOrEqual(box?.south ?? Infinity);
      expect(p.lat).toBeLessThanOrEqual(box?.north ?? -Infinity);
      expect(p.lng).toBeGreaterThanOrEqual(box?.west ?? Infinity);
      expect(p.lng).toBeLessThanOrEqual(box?.east ?? -Infinity);
    }
  });

  it('gives no box across the antimeridian or a pole', () => {
    expect(boundingBox({ lat: 0, lng: 179.99 }, 10)).toBeNull();
    expect(boundingBox({ lat: 89.99, lng: 0 }, 10)).toBeNull();
  });
});
