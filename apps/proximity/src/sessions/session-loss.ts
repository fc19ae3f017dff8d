/** A session the ledger holds as live (started, not ended, not expired). */
export interface LedgerSession {
  sessionId: string;
  userId: string;
  startedAt: Date;
}

export interface SessionLosses {
  /** Each person's newest session, gone from Redis: its owner is told (`lost`). */
  lost: LedgerSession[];
  /** Older sessions of the same person, replaced by the newest: closed, nobody told. */
  replaced: LedgerSession[];
}

/** What Redis lost of the sessions the ledger holds live; a person has one live session. */
export function sessionLosses(
  live: readonly LedgerSession[],
  present: ReadonlySet<string>,
): SessionLosses {
  const newest = new Map<string, LedgerSession>();
  for (const session of live) {
    const held = newest.get(session.userId);
    if (!held || session.startedAt > held.startedAt) newest.set(session.userId, session);
  }
  const current = new Set([...newest.values()]);
  return {
    lost: [...current].filter((session) => !present.has(session.sessionId)),
    replaced: live.filter((session) => !current.has(session)),
  };
}
