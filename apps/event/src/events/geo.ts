export const EARTH_RADIUS_KM = 6371;

export interface Point {
  lat: number;
  lng: number;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance on a sphere of radius 6371 km (haversine). */
export function distanceKm(a: Point, b: Point): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** `near=lat,lng` as a point, or why it is not one. */
export function parseNear(value: unknown): Point | string {
  const parts = typeof value === 'string' ? value.split(',') : [];
  const [lat, lng] = parts.map((part) => (DECIMAL.test(part.trim()) ? Number(part) : NaN));
  if (parts.length !== 2 || !Number.isFinite(lat) || !Number.isFinite(lng)) {
    return 'must be lat,lng (e.g. 48.8566,2.3522)';
  }
  if (lat < -90 || lat > 90) return 'lat must be from -90 to 90';
  if (lng < -180 || lng > 180) return 'lng must be from -180 to 180';
  return { lat, lng };
}

/**
 * The latitudes a circle can reach, to narrow a search before the exact distance; longitudes
 * are not narrowed, which keeps circles over the poles and the antimeridian right.
 */
export function latitudeBand(center: Point, radiusKm: number): [number, number] {
  const degrees = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
  return [Math.max(-90, center.lat - degrees), Math.min(90, center.lat + degrees)];
}
