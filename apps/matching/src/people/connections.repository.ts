import { Injectable } from '@nestjs/common';
import type { ConnectionEventData } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';

/** The user service's connections as matching needs them: who is connected to whom. */
@Injectable()
export class ConnectionsRepository {
  /**
   * Applies a connection's state if newer than what is held; nothing for a pair with a deleted
   * person (their tombstone), so a late event cannot bring a deleted tie back.
   */
  async applyIfNewer(tx: EntityManager, data: ConnectionEventData, version: number) {
    await tx.query(
      `INSERT INTO connections (connection_id, user_a, user_b, accepted, version)
       SELECT $1, $2, $3, $4, $5
       WHERE NOT EXISTS (SELECT 1 FROM profiles p
                         WHERE p.user_id IN ($2, $3) AND p.deleted_at IS NOT NULL)
       ON CONFLICT (connection_id) DO UPDATE SET accepted = EXCLUDED.accepted,
         version = EXCLUDED.version
       WHERE connections.version < EXCLUDED.version`,
      [
        data.connectionId,
        data.fromUserId,
        data.toUserId,
        data.status === 'accepted' && data.types.length > 0,
        version,
      ],
    );
  }

  async removeAllOf(tx: EntityManager, userId: string): Promise<void> {
    await tx.query('DELETE FROM connections WHERE user_a = $1 OR user_b = $1', [userId]);
  }
}
