import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '@rendezvous/platform';

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored; a database leak yields no usable token. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function insertRefreshToken(
  db: Queryable,
  userId: string,
  ttlDays: number,
  familyId: string = randomUUID(),
): Promise<string> {
  const token = newRefreshToken();
  await db.query(
    `INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
    [hashRefreshToken(token), userId, familyId, ttlDays],
  );
  return token;
}

/** Marks a live token used; only one of several concurrent callers gets the row back. */
export async function consumeRefreshToken(
  db: Queryable,
  token: string,
): Promise<{ user_id: string; family_id: string } | undefined> {
  const [rows] = (await db.query(
    `UPDATE refresh_tokens SET used_at = now()
     WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
     RETURNING user_id, family_id`,
    [hashRefreshToken(token)],
  )) as [{ user_id: string; family_id: string }[], number];
  return rows[0];
}

export async function findRefreshToken(
  db: Queryable,
  token: string,
): Promise<{ family_id: string; user_id: string; used_at: Date | null } | undefined> {
  const rows = (await db.query(
    'SELECT family_id, user_id, used_at FROM refresh_tokens WHERE token_hash = $1',
    [hashRefreshToken(token)],
  )) as { family_id: string; user_id: string; used_at: Date | null }[];
  return rows[0];
}

export async function revokeFamily(db: Queryable, familyId: string): Promise<void> {
  await db.query(
    'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
    [familyId],
  );
}

export async function revokeAllOfUser(db: Queryable, userId: string): Promise<void> {
  await db.query(
    'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
    [userId],
  );
}
