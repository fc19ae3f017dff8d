import type { LatLng } from '@rendezvous/contracts';
import { CELL_DEGREES, EARTH_RADIUS_KM, greatCircleKm } from '@rendezvous/contracts';

const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The point `northKm` north and `eastKm` east of `from` (flat offsets: fine over a few km). */
export function offsetKm(from: LatLng, northKm: number, eastKm: number): LatLng {
  return {
    lat: from.lat + northKm / KM_PER_DEGREE,
    lng: from.lng + eastKm / (KM_PER_DEGREE * Math.cos(radians(from.lat))),
  };
}

/**
 * A point of the cell centred at `centre`, `up` and `right` fractions of the cell's height and
 * width away from the centre (±0.5 are its edges).
 */
export function inCell(centre: LatLng, up: number, right: number): LatLng {
  const step = CELL_DEGREES / Math.cos(radians(centre.lat));
  return { lat: centre.lat + up * CELL_DEGREES, lng: centre.lng + right * step };
}

/** A point the attacker stood at and the distance to the victim they worked out there. */
export interface Range {
  from: LatLng;
  km: number;
}

/**
 * What an attacker does against an API that reports true distances: a grid search for the point
 * whose distances best fit every range (least squares), within `radiusKm` of `near`, on a grid of
 * `stepKm`.
 */
export function leastSquaresEstimate(
  ranges: Range[],
  near: LatLng,
  radiusKm = 2,
  stepKm = 0.01,
): LatLng {
  let best = near;
  let bestError = Infinity;
  const steps = Math.round(radiusKm / stepKm);
  for (let i = -steps; i <= steps; i += 1) {
    for (let j = -steps; j <= steps; j += 1) {
      const candidate = offsetKm(near, i * stepKm, j * stepKm);
      let error = 0;
      for (const range of ranges) error += (greatCircleKm(range.from, candidate) - range.km) ** 2;
      if (error < bestError) {
        bestError = error;
        best = candidate;
      }
    }
  }
  return best;
}
