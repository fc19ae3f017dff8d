import type { LatLng } from '@rendezvous/contracts';
import { EARTH_RADIUS_KM } from '@rendezvous/contracts';

/** A rectangle in degrees, west to east without crossing the antimeridian. */
export interface DegreeBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

const KM_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_KM) / 180;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * Boxes that together cover every point within `radiusKm` of `center`: one box normally, two
 * when the circle crosses the antimeridian, a full band of longitudes near a pole.
 */
export function coveringBoxes(center: LatLng, radiusKm: number): DegreeBox[] {
  const dLat = radiusKm / KM_PER_DEGREE_LAT;
  const south = Math.max(-90, center.lat - dLat);
  const north = Math.min(90, center.lat + dLat);
  if (south === -90 || north === 90 || dLat >= 90) {
    return [{ south, west: -180, north, east: 180 }];
  }
  // The widest longitude span of the circle is at the latitude nearest a pole.
  const widestLat = Math.max(Math.abs(south), Math.abs(north));
  const dLng = dLat / Math.cos(toRadians(widestLat));
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
