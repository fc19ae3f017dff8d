import type { LatLng } from './great-circle';
import { EARTH_RADIUS_KM } from './great-circle';

/** A rectangle in degrees, west to east without crossing the antimeridian. */
export interface DegreeBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Degrees of latitude that `km` spans along a meridian. */
function latitudeDegrees(km: number): number {
  return (km / EARTH_RADIUS_KM) * (180 / Math.PI);
}

/**
 * The latitudes a circle can reach, to narrow a search before the exact distance; longitudes
 * are not narrowed, which keeps circles over the poles and the antimeridian right.
 */
export function latitudeBand(center: LatLng, radiusKm: number): [number, number] {
  const dLat = latitudeDegrees(radiusKm);
  return [Math.max(-90, center.lat - dLat), Math.min(90, center.lat + dLat)];
}

/**
 * Boxes that together cover every point within `radiusKm` of `center`: one box normally, two
 * when the circle crosses the antimeridian, a full band of longitudes near a pole.
 */
export function coveringBoxes(center: LatLng, radiusKm: number): DegreeBox[] {
  const dLat = latitudeDegrees(radiusKm);
  const [south, north] = latitudeBand(center, radiusKm);
  if (south === -90 || north === 90 || dLat >= 90) {
    return [{ south, west: -180, north, east: 180 }];
  }
  // The widest longitude span of the circle is at the latitude nearest a pole.
  const widestLat = Math.max(Math.abs(south), Math.abs(north));
  const dLng = dLat / Math.cos(radians(widestLat));
  if (dLng >= 180) return [{ south, west: -180, north, east: 180 }];
  const west = center.lng - dLng;
  const east = center.lng + dLng;
  if (west < -180) {
    return [
      { south, west: west + 360, north, east: 180 },
      { south, west: -180, north, east },
    ];
  }
  if (east > 180) {
    return [
      { south, west, north, east: 180 },
      { south, west: -180, north, east: east - 360 },
    ];
  }
  return [{ south, west, north, east }];
}

/**
 * The one box of `coveringBoxes`, or `null` where the circle needs two or a full band of
 * longitudes (near a pole, across the antimeridian), for an index that prunes with one box.
 */
export function singleBoundingBox(center: LatLng, radiusKm: number): DegreeBox | null {
  const boxes = coveringBoxes(center, radiusKm);
  if (boxes.length !== 1) return null;
  const [box] = boxes;
  const fullBand = box.west === -180 && box.east === 180;
  return box.south === -90 || box.north === 90 || fullBand ? null : box;
}
