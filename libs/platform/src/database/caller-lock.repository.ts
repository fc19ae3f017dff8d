import {
  COMMON_ERRORS,
  DomainError,
  accountSuspendedError,
  isSuspendedAt,
} from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';
import { AccountStatusProjection } from './account-status-projection.repository';

/**
 * For a service whose projection of people is a `users (id, ..., deleted_at)` table:
 * share-locks the caller's row for the rest of the transaction (adding it when this service has
 * not heard of them yet), so their deletion waits for this change and then undoes it. A person
 * known to be deleted gets 401.
 */
export async function lockLivingCaller(tx: EntityManager, userId: string): Promise<void> {
  await tx.query('INSERT INTO users (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [userId]);
  const rows = (await tx.query('SELECT deleted_at FROM users WHERE id = $1 FOR SHARE', [
    userId,
  ])) as { deleted_at: Date | null }[];
  if (rows[0]?.deleted_at) {
    throw new DomainError(COMMON_ERRORS.UNAUTHORIZED, 'The account no longer exists');
  }
}

/**
 * `lockLivingCaller`, and a suspended or banned caller gets `401 AUTH.ACCOUNT_SUSPENDED`. The
 * token was checked before the lock: a ban whose consumer holds the row exclusively while it
 * undoes the person's changes commits first, and is seen here.
 */
export async function lockActiveCaller(
  tx: EntityManager,
  userId: string,
  now = new Date(),
): Promise<void> {
  await lockLivingCaller(tx, userId);
  const standing = await new AccountStatusProjection().standing(tx, userId);
  if (standing && isSuspendedAt(standing, now)) throw accountSuspendedError(401, standing);
}

/**
 * Locks the person's row exclusively (adding it when unknown), so their requests in flight,
 * which share-lock it, commit before the caller undoes what they did.
 */
export async function lockPersonForChange(tx: EntityManager, userId: string): Promise<void> {
  await tx.query('INSERT INTO users (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [userId]);
  await tx.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
}
