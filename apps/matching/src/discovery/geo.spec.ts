import { greatCircleKm } from '@rendezvous/contracts';
import { coveringBoxes } from '@rendezvous/contracts';

const paris = { lat: 48.8566, lng: 2.3522 };
const london = { lat: 51.5074, lng: -0.1278 };

describe('greatCircleKm', () => {
  it('measures Paris to London as about 344 km', () => {
    expect(greatCircleKm(paris, london)).toBeCloseTo(343.5, 0);
  });

  it('is zero for the same place and symmetric', () => {
    expect(greatCircleKm(paris, paris)).toBe(0);
    expect(greatCircleKm(london, paris)).toBeCloseTo(greatCircleKm(paris, london), 9);
  });

  it('measures half the circumference between antipodes', () => {
    expect(greatCircleKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6371, 3);
  });
});

describe('coveringBoxes', () => {
  const inside = (box: ReturnType<typeof coveringBoxes>[number], p: { lat: number; lng: number }) =>
    p.lat >= box.south && p.lat <= box.north && p.lng >= box.west && p.lng <= box.east;

  it('covers points at the radius in every direction with one box', () => {
    const boxes = coveringBoxes(paris, 50);
    expect(boxes).toHaveLength(1);
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
      const rad = (bearing * Math.PI) / 180;
      const lat = paris.lat + (49.9 / 111.195) * Math.cos(rad);
      const lng = paris.lng + ((49.9 / 111.195) * Math.sin(rad)) / Math.cos((lat * Math.PI) / 180);
      expect(greatCircleKm(paris, { lat, lng })).toBeLessThanOrEqual(50);
      expect(inside(boxes[0], { lat, lng })).toBe(true);
    }
  });

  it('splits in two across the antimeridian', () => {
    const fiji = { lat: -17.7, lng: 179.9 };
    const boxes = coveringBoxes(fiji, 100);
    expect(boxes).toHaveLength(2);
    expect(boxes.some((box) => inside(box, { lat: -17.7, lng: -179.8 }))).toBe(true);
    expect(boxes.some((box) => inside(box, { lat: -17.7, lng: 179.5 }))).toBe(true);
  });

  it('takes every longitude near a pole and for huge radii', () => {
    expect(coveringBoxes({ lat: 89.5, lng: 10 }, 100)).toEqual([
      { south: expect.any(Number), west: -180, north: 90, east: 180 },
    ]);
    expect(coveringBoxes(paris, 20000)[0]).toMatchObject({ west: -180, east: 180 });
  });
});
