/**
 * The hour this test file was loaded in: every instant a file builds from it lines up with the
 * others, even when the file runs across the turn of an hour.
 */
const startHour = Math.floor(Date.now() / 3_600_000) * 3_600_000;

/** An instant `hours` whole hours after the hour the test file started in, as ISO 8601. */
export function onTheHour(hours: number): string {
  return new Date(startHour + hours * 3_600_000).toISOString();
}
