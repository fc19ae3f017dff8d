import type { LatLng } from './great-circle';

/** Height of a location-privacy band, and width of its cells at the band's centre (API.md). */
export const CELL_DEGREES = 0.01;

const TOP_BAND = Math.round(90 / CELL_DEGREES) - 1;
const BOTTOM_BAND = -TOP_BAND - 1;
// Far below any real difference of grid positions (1e-9 of a cell is about a micrometre), far
// above the error of one division.
const GRID_TOLERANCE = 1e-9;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * The index of the cell of size `size` holding `value`, counted from 0. A value on a grid line
 * belongs to the cell that starts there, even when the division lands a hair below it (0.29 /
 * 0.01 is 28.999999999999996).
 */
function gridIndex(value: number, size: number): number {
  const position = value / size;
  const nearest = Math.round(position);
  return Math.abs(position - nearest) < GRID_TOLERANCE ? nearest : Math.floor(position);
}

function wrapLongitude(lng: number): number {
  if (lng > 180) return lng - 360;
  if (lng < -180) return lng + 360;
  return lng;
}

/**
 * The centre of the cell holding `point`: what every answer about a person to anyone else is
 * derived from (API.md, Location privacy). Bands of 0.01° latitude (90° falls in the top one),
 * each cut from longitude 0 into steps of 0.01° / cos(band-centre latitude), about 1.1 km square.
 */
export function locationCell(point: LatLng): LatLng {
  const band = Math.min(TOP_BAND, Math.max(BOTTOM_BAND, gridIndex(point.lat, CELL_DEGREES)));
  const lat = (band + 0.5) * CELL_DEGREES;
  const step = CELL_DEGREES / Math.cos(radians(lat));
  const lng = (gridIndex(point.lng, step) + 0.5) * step;
  return { lat, lng: wrapLongitude(lng) };
}

/** How a distance to another person is shown: whole kilometres, never below 1. */
export function shownDistanceKm(km: number): number {
  return Math.max(1, Math.round(km));
}
