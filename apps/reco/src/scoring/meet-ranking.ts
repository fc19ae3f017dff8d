export interface MeetCandidate {
  venueId: string;
  /** The caller's distance to the venue, km. */
  callerKm: number;
  /** The other person's, as the caller is shown it (from their cell, whole km, at least 1). */
  otherKm: number;
  /** Each person's venue score. */
  callerScore: number;
  otherScore: number;
}

/** Fair first: the longer of the two trips, shortest first; then the two scores together. */
export function compareMeet(a: MeetCandidate, b: MeetCandidate): number {
  const longer = Math.max(a.callerKm, a.otherKm) - Math.max(b.callerKm, b.otherKm);
  if (longer !== 0) return longer;
  const combined = b.callerScore + b.otherScore - (a.callerScore + a.otherScore);
  if (combined !== 0) return combined;
  return a.venueId < b.venueId ? -1 : a.venueId > b.venueId ? 1 : 0;
}
