import { hiddenUntilSql } from '@rendezvous/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each person's hiding (suspension, ban, auto-hide) copied beside their profile, so discovery
 * filters people out as it walks the index instead of looking each one up in `account_status`.
 */
export class HiddenUntil1765700000000 implements MigrationInterface {
  name = 'HiddenUntil1765700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE profiles ADD COLUMN hidden_until timestamptz');
    await runner.query(
      `UPDATE profiles p SET hidden_until = ${hiddenUntilSql('a')}
       FROM account_status a WHERE a.user_id = p.user_id`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE profiles DROP COLUMN hidden_until');
  }
}
