import type { LatLng } from '@rendezvous/contracts';

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** `near=lat,lng` as a point, or why it is not one. */
export function parseNear(value: unknown): LatLng | string {
  const parts = typeof value === 'string' ? value.split(',') : [];
  const [lat, lng] = parts.map((part) => (DECIMAL.test(part.trim()) ? Number(part) : NaN));
  if (parts.length !== 2 || !Number.isFinite(lat) || !Number.isFinite(lng)) {
    return 'must be lat,lng (e.g. 48.8566,2.3522)';
  }
  if (lat < -90 || lat > 90) return 'lat must be from -90 to 90';
  if (lng < -180 || lng > 180) return 'lng must be from -180 to 180';
  return { lat, lng };
}
