/** The general limit counts in windows aligned to the clock's minutes. */
export const WINDOW_MS = 60_000;

/**
 * The share of a client's per-minute limit a replica takes from the shared count at a time.
 * What a replica took and has not used yet is counted all the same, so the replicas together
 * never admit more than the limit; a client whose requests spread over R replicas may be
 * refused up to (R − 1) × (lease − 1) requests before reaching it (README, Rate limits).
 */
const LEASE_SHARE = 0.02;

export const windowOf = (now: number): number => Math.floor(now / WINDOW_MS);

export const msLeftInWindow = (now: number): number => WINDOW_MS - (now % WINDOW_MS);

export const leaseSize = (limitPerWindow: number): number =>
  Math.max(1, Math.floor(limitPerWindow * LEASE_SHARE));

/**
 * How many of the `lease` requests just added to the window's shared count belong to this
 * replica, from the count right after adding them: all of them while the count stays within
 * the limit, the part below the limit when it crossed it, none once it was already over.
 */
export function grantedFromLease(countAfter: number, lease: number, limit: number): number {
  return Math.max(0, Math.min(lease, limit - (countAfter - lease)));
}
