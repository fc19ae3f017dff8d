import { EARTH_RADIUS_KM } from '@rendezvous/contracts';
import type { LatLng } from '@rendezvous/contracts';

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The same haversine in SQL, for columns `lat`/`lng` of `alias` against a point in parameters. */
export function distanceSql(alias: string, latParam: string, lngParam: string): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(
    power(sin(radians(${alias}.lat - ${latParam}) / 2), 2) +
    cos(radians(${latParam})) * cos(radians(${alias}.lat)) *
    power(sin(radians(${alias}.lng - ${lngParam}) / 2), 2)))))`;
}

/**
 * `shownDistanceKm` (contracts) in SQL: `floor(km + 0.5)` rounds halves up, as `Math.round`
 * does for distances (Postgres's own `round` of a float rounds them to even).
 */
export function shownDistanceSql(km: string): string {
  return `greatest(1, floor(${km} + 0.5))`;
}

export interface Box {
  south: number;
  west: number;
  north: number;
  east: number;
}

/**
 * A lat/lng box that holds every point within `km` of `centre`, for an index to prune with;
 * `null` when no simple box does (near a pole or across the antimeridian), and the exact
 * distance check alone decides.
 */
export function boundingBox(centre: LatLng, km: number): Box | null {
  const dLat = (km / EARTH_RADIUS_KM) * (180 / Math.PI);
  const south = centre.lat - dLat;
  const north = centre.lat + dLat;
  if (south <= -90 || north >= 90) return null;
  const widest = Math.max(Math.abs(south), Math.abs(north));
  const dLng = dLat / Math.cos(radians(widest));
  const west = centre.lng - dLng;
  const east = centre.lng + dLng;
  if (west < -180 || east > 180) return null;
  return { south, west, north, east };
}
