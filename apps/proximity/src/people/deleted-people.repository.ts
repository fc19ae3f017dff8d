import { Injectable } from '@nestjs/common';
import type { Queryable } from '@rendezvous/platform';

/** Proximity's projection of people: only the deleted ones (`deleted_people`), nothing else. */
@Injectable()
export class DeletedPeopleRepository {
  async add(tx: Queryable, userId: string, deletedAt: string): Promise<void> {
    await tx.query(
      `INSERT INTO deleted_people (user_id, deleted_at) VALUES ($1, $2)
       ON CONFLICT (user_id) DO NOTHING`,
      [userId, deletedAt],
    );
  }

  /** Those deleted within `seconds`: still holding tokens that must be refused. */
  async deletedWithin(db: Queryable, seconds: number): Promise<string[]> {
    const rows = (await db.query(
      `SELECT user_id FROM deleted_people WHERE deleted_at > now() - make_interval(secs => $1)`,
      [seconds],
    )) as { user_id: string }[];
    return rows.map((row) => row.user_id);
  }
}
