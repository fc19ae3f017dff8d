import { greatCircleKm } from './great-circle';
import { CELL_DEGREES, locationCell, shownDistanceKm } from './location-cell';

const radians = (degrees: number) => (degrees * Math.PI) / 180;
const stepAt = (bandCentreLat: number) => CELL_DEGREES / Math.cos(radians(bandCentreLat));

/** Points spread over the cell of band `band`, column `column` (fractions 0 ≤ f < 1 of it). */
function pointsIn(band: number, column: number) {
  const step = stepAt((band + 0.5) * CELL_DEGREES);
  const fractions = [0, 0.001, 0.25, 0.5, 0.75, 0.999];
  return fractions.flatMap((fLat) =>
    fractions.map((fLng) => ({
      lat: (band + fLat) * CELL_DEGREES,
      lng: (column + fLng) * step,
    })),
  );
}

describe(locationCell.name, () => {
  it.each([
    [4885, 23],
    [-3390, -14000],
    [0, 0],
    [-1, -1],
    [6000, 1000],
  ])('snaps every point of cell (band %i, column %i) to one centre', (band, column) => {
    const centres = pointsIn(band, column).map(locationCell);
    const step = stepAt((band + 0.5) * CELL_DEGREES);
    for (const centre of centres) {
      expect(centre.lat).toBeCloseTo((band + 0.5) * CELL_DEGREES, 12);
      expect(centre.lng).toBeCloseTo((column + 0.5) * step, 9);
      expect(centre).toEqual(centres[0]);
    }
  });

  it('gives each neighbouring cell its own centre', () => {
    const at = { lat: 48.8566, lng: 2.3522 };
    const centre = locationCell(at);
    const step = stepAt(centre.lat);
    const neighbours = [
      { lat: centre.lat + CELL_DEGREES, lng: centre.lng },
      { lat: centre.lat - CELL_DEGREES, lng: centre.lng },
      { lat: centre.lat, lng: centre.lng + step },
      { lat: centre.lat, lng: centre.lng - step },
    ].map(locationCell);
    expect(new Set([centre, ...neighbours].map((c) => `${c.lat},${c.lng}`)).size).toBe(5);
    // Just across the southern edge of the band is the band below.
    const south = Math.floor(at.lat / CELL_DEGREES) * CELL_DEGREES;
    expect(locationCell({ lat: south - 1e-7, lng: at.lng }).lat).toBeCloseTo(
      centre.lat - CELL_DEGREES,
      12,
    );
  });

  it('puts a point on a grid line in the cell that starts there, whatever the rounding', () => {
    // 0.29 / 0.01 is 28.999999999999996 in floating point.
    for (const line of [0.29, 0.57, 1.15, 48.86, -0.29, -33.33, 89.99]) {
      expect(locationCell({ lat: line, lng: 10 }).lat).toBeCloseTo(line + CELL_DEGREES / 2, 12);
    }
    const step = stepAt(0.295);
    for (const column of [29, 57, 115, -29, -7]) {
      expect(locationCell({ lat: 0.29, lng: column * step }).lng).toBeCloseTo(
        (column + 0.5) * step,
        12,
      );
    }
  });

  it('keeps the poles in the outermost bands, whose cells are very wide', () => {
    expect(locationCell({ lat: 90, lng: 0 }).lat).toBeCloseTo(89.995, 12);
    expect(locationCell({ lat: 89.995, lng: 0 })).toEqual(locationCell({ lat: 90, lng: 0 }));
    expect(locationCell({ lat: -90, lng: 0 }).lat).toBeCloseTo(-89.995, 12);
    // At 89.995° a cell is about 114.6° of longitude wide.
    expect(locationCell({ lat: 89.999, lng: 10 })).toEqual(locationCell({ lat: 89.991, lng: 100 }));
    expect(locationCell({ lat: 89.999, lng: 10 })).not.toEqual(
      locationCell({ lat: 89.999, lng: 120 }),
    );
    expect(greatCircleKm({ lat: 90, lng: 0 }, locationCell({ lat: 90, lng: 0 }))).toBeLessThan(1);
  });

  it('wraps centres near the antimeridian into [-180, 180]', () => {
    for (const lat of [0, 12.3456, -45.6789, 70.01, 89.5]) {
      for (const lng of [180, -180, 179.9999, -179.9999, 179.99, -179.99]) {
        const centre = locationCell({ lat, lng });
        expect(centre.lng).toBeGreaterThanOrEqual(-180);
        expect(centre.lng).toBeLessThanOrEqual(180);
        expect(greatCircleKm({ lat, lng }, centre)).toBeLessThan(1.2);
      }
    }
  });

  it('counts negative coordinates from 0 like positive ones', () => {
    expect(locationCell({ lat: -0.001, lng: -0.001 })).toEqual({
      lat: -0.005,
      lng: -stepAt(-0.005) / 2,
    });
    expect(locationCell({ lat: 0, lng: 0 })).toEqual({ lat: 0.005, lng: stepAt(0.005) / 2 });
    expect(locationCell({ lat: -33.8688, lng: -151.2093 }).lat).toBeCloseTo(-33.865, 12);
  });

  it('keeps every point within half a cell diagonal of its centre, and a centre where it is', () => {
    for (let i = 0; i < 500; i += 1) {
      const point = { lat: -80 + ((i * 37.1) % 160), lng: -179 + ((i * 91.7) % 358) };
      const centre = locationCell(point);
      expect(greatCircleKm(point, centre)).toBeLessThanOrEqual(0.79);
      expect(locationCell(centre)).toEqual(centre);
    }
  });
});

describe(shownDistanceKm.name, () => {
  it('shows whole kilometres, never below 1', () => {
    expect(shownDistanceKm(0)).toBe(1);
    expect(shownDistanceKm(0.4)).toBe(1);
    expect(shownDistanceKm(1.49)).toBe(1);
    expect(shownDistanceKm(1.5)).toBe(2);
    expect(shownDistanceKm(12.6)).toBe(13);
  });
});
