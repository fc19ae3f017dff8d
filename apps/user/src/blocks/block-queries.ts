import type { Queryable } from '@rendezvous/platform';

export async function isBlockedEitherWay(db: Queryable, a: string, b: string): Promise<boolean> {
  const rows = (await db.query(
    `SELECT 1 FROM blocks
     WHERE (blocker_id = $1 AND blocked_id = $2) OR (blocker_id = $2 AND blocked_id = $1)`,
    [a, b],
  )) as unknown[];
  return rows.length > 0;
}
