import { EARTH_RADIUS_KM } from '@rendezvous/contracts';

/** Two SQL expressions for a point's latitude and longitude in degrees. */
export interface LatLngSql {
  lat: string;
  lng: string;
}

/** `greatCircleKm` (contracts) in SQL: the haversine distance in km from `from` to `to`. */
export function greatCircleKmSql(from: LatLngSql, to: LatLngSql): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(
    power(sin(radians(${from.lat} - ${to.lat}) / 2), 2) +
    cos(radians(${to.lat})) * cos(radians(${from.lat})) *
    power(sin(radians(${from.lng} - ${to.lng}) / 2), 2)))))`;
}
