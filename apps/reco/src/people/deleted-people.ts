import { Injectable } from '@nestjs/common';
import type { AuthUser, RevocationCheck } from '@rendezvous/platform';
import { DataSource } from 'typeorm';

/** A deleted person's still-valid token is refused here as soon as `user.deleted` arrives. */
@Injectable()
export class DeletedPeople implements RevocationCheck {
  constructor(private readonly dataSource: DataSource) {}

  async isRevoked(user: AuthUser): Promise<boolean> {
    const rows = (await this.dataSource.query(
      'SELECT 1 FROM people WHERE user_id = $1 AND deleted_at IS NOT NULL',
      [user.id],
    )) as unknown[];
    return rows.length > 0;
  }
}
