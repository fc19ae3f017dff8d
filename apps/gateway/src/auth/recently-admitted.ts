import { Injectable } from '@nestjs/common';
import type { DomainError } from '@rendezvous/contracts';
import type { AuthUser, RevocationCheck } from '@rendezvous/platform';
import { ExpiringCache, accessRefusal } from '@rendezvous/platform';
import { AccessChanges } from './access-changes';
import type { KnownAccess } from './revoked-users';
import { RevokedUsers } from './revoked-users';

/**
 * How long a replica admits a person on what it read of them without reading again. Changes
 * reach every replica at once over pub/sub (AccessChanges); this bounds a change whose message
 * was lost, well inside the 5 s in which a revoked token must be refused everywhere.
 */
export const ADMITTED_FOR_MS = 1_000;
const PEOPLE_KEPT = 100_000;

/**
 * The revocation check of HTTP requests: what RevokedUsers read of a person that let them in
 * is used again for `ADMITTED_FOR_MS`, so a busy client costs one Redis read a second instead of
 * one a request. Only admissions are remembered: a refusal is read afresh each time, and so,
 * within `ADMITTED_FOR_MS` of a Redis loss, is everyone (503 until the state is rebuilt). The
 * Socket.IO handshake keeps reading RevokedUsers itself.
 */
@Injectable()
export class RecentlyAdmitted implements RevocationCheck {
  private readonly admitted = new ExpiringCache<string, KnownAccess>(PEOPLE_KEPT);
  // Counts changes heard; a read that overlapped one may hold what it replaced.
  private changesHeard = 0;

  constructor(
    private readonly revoked: RevokedUsers,
    private readonly changes: AccessChanges,
  ) {
    changes.onChange((userId) => {
      this.changesHeard += 1;
      if (userId === null) this.admitted.clear();
      else this.admitted.delete(userId);
    });
  }

  async refusal(user: AuthUser): Promise<DomainError | null> {
    const remembered = this.admitted.get(user.id);
    if (remembered && !accessRefusal(user, remembered)) return null;
    const heardBefore = this.changesHeard;
    const known = await this.revoked.known(user.id);
    const refusal = accessRefusal(user, known);
    if (!refusal && this.changes.listening && this.changesHeard === heardBefore) {
      this.admitted.set(user.id, known, Date.now() + ADMITTED_FOR_MS);
    }
    return refusal;
  }
}
