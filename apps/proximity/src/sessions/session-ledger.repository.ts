import { Injectable } from '@nestjs/common';
import type { Queryable } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { LedgerSession } from './session-loss';

/** Ended rows are kept this long, past any redelivery of a start that could reopen them. */
const TOMBSTONE_HOURS = 24;

interface SessionRow {
  session_id: string;
  user_id: string;
  started_at: Date;
}

const toSession = (row: SessionRow): LedgerSession => ({
  sessionId: row.session_id,
  userId: row.user_id,
  startedAt: row.started_at,
});

/** The ledger of live sessions (`session_ledger`), from proximity's own events. */
@Injectable()
export class SessionLedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Live until it expires, unless its end arrived first. */
  async started(
    tx: Queryable,
    session: { sessionId: string; userId: string; startedAt: string; expiresAt: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO session_ledger (session_id, user_id, started_at, expires_at, ended)
       VALUES ($1, $2, $3, $4, false)
       ON CONFLICT (session_id) DO UPDATE SET started_at = EXCLUDED.started_at,
         expires_at = EXCLUDED.expires_at`,
      [session.sessionId, session.userId, session.startedAt, session.expiresAt],
    );
  }

  async ended(tx: Queryable, session: { sessionId: string; userId: string }): Promise<void> {
    await tx.query(
      `INSERT INTO session_ledger (session_id, user_id, ended) VALUES ($1, $2, true)
       ON CONFLICT (session_id) DO UPDATE SET ended = true, changed_at = now()`,
      [session.sessionId, session.userId],
    );
  }

  /** The person's sessions end without a notice (deletion, suspension). */
  async endAllOf(tx: Queryable, userId: string): Promise<void> {
    await tx.query(
      `UPDATE session_ledger SET ended = true, changed_at = now() WHERE user_id = $1 AND NOT ended`,
      [userId],
    );
  }

  async live(): Promise<LedgerSession[]> {
    const rows = (await this.dataSource.query(
      `SELECT session_id, user_id, started_at FROM session_ledger
        WHERE NOT ended AND expires_at > now()`,
    )) as SessionRow[];
    return rows.map(toSession);
  }

  /**
   * Ends those of these sessions still live and answers only what this call ended: replicas that
   * rebuild at once wait on each other's row locks, and the later finds them ended.
   */
  async endLost(tx: Queryable, sessionIds: readonly string[]): Promise<LedgerSession[]> {
    const [rows] = (await tx.query(
      `UPDATE session_ledger SET ended = true, changed_at = now()
        WHERE session_id = ANY($1::uuid[]) AND NOT ended
        RETURNING session_id, user_id, started_at`,
      [sessionIds],
    )) as [SessionRow[], number];
    return rows.map(toSession);
  }

  /** Drops ended and expired rows old enough that no late event can reopen them. */
  async prune(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM session_ledger
        WHERE (ended OR expires_at < now()) AND changed_at < now() - make_interval(hours => $1)`,
      [TOMBSTONE_HOURS],
    );
  }
}
