import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';

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
