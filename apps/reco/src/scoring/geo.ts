import { greatCircleKmSql } from '@rendezvous/platform';

/** The great-circle distance in SQL from columns `lat`/`lng` of `alias` to a point in parameters. */
export function distanceSql(alias: string, latParam: string, lngParam: string): string {
  return greatCircleKmSql(
    { lat: `${alias}.lat`, lng: `${alias}.lng` },
    { lat: latParam, lng: lngParam },
  );
}

/**
 * `shownDistanceKm` (contracts) in SQL: `floor(km + 0.5)` rounds halves up, as `Math.round`
 * does for distances (Postgres's own `round` of a float rounds them to even).
 */
export function shownDistanceSql(km: string): string {
  return `greatest(1, floor(${km} + 0.5))`;
}
