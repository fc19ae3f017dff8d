import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every service's projection of people's standing (`user.status_changed`): sparse, a row only for
 * someone whose status, role or auto-hide ever changed.
 */
export class AccountStatusTable1765200000000 implements MigrationInterface {
  name = 'AccountStatusTable1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE account_status (
        user_id uuid PRIMARY KEY,
        status text NOT NULL,
        suspended_until timestamptz,
        role text NOT NULL,
        role_changed_at timestamptz,
        hidden boolean NOT NULL,
        version integer NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE account_status');
  }
}
