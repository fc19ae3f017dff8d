import type { ConnectionStatus, ConnectionType } from '@rendezvous/contracts';

/** What a connection between two people consists of. */
export interface ConnectionFacts {
  /** Who asked, when the connection began as a request. */
  requesterId: string | null;
  requestAccepted: boolean;
  matched: boolean;
}

export const REQUEST_STRENGTH = 0.5;
export const MATCH_STRENGTH = 0.8;

export function connectionStatus(c: ConnectionFacts): ConnectionStatus {
  return c.requestAccepted || c.matched ? 'accepted' : 'pending';
}

export function connectionTypes(c: ConnectionFacts): ConnectionType[] {
  return [...(c.requesterId ? ['request' as const] : []), ...(c.matched ? ['match' as const] : [])];
}

/** 0.5 for an accepted request, 0.8 for a match, the higher when both; 0 while pending. */
export function connectionStrength(c: ConnectionFacts): number {
  return Math.max(c.requestAccepted ? REQUEST_STRENGTH : 0, c.matched ? MATCH_STRENGTH : 0);
}

/** The single `type` shown in lists: `match` when a match exists, else `request`. */
export function displayType(c: ConnectionFacts): ConnectionType {
  return c.matched ? 'match' : 'request';
}

/** The stored order of a pair: one row per unordered pair. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}
