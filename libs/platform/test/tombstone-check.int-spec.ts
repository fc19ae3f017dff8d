import { randomUUID } from 'node:crypto';
import { createTestDatabase, testRedis, uniqueName } from '@rendezvous/testing';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../src';
import { TombstoneCheck } from '../src';
import { platformDataSource } from './platform-data-source';

const person = (): AuthUser => ({ id: randomUUID(), role: 'user' });

describe(TombstoneCheck.name, () => {
  let database: { name: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let redis: Redis;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await platformDataSource(database.name);
    // The two shapes of projection the services keep: keyed by `id` or by `user_id`.
    await dataSource.query('CREATE TABLE users (id uuid PRIMARY KEY, deleted_at timestamptz)');
    await dataSource.query(
      'CREATE TABLE profiles (user_id uuid PRIMARY KEY, name text, deleted_at timestamptz)',
    );
    redis = testRedis();
  });

  afterAll(async () => {
    await redis.quit();
    await dataSource.destroy();
    await database.drop();
  });

  it('refuses a person whose row in the table has deleted_at set, and no one else', async () => {
    const check = new TombstoneCheck({ table: 'users', idColumn: 'id' }, { redis, dataSource });
    const [deleted, living, unknown] = [person(), person(), person()];
    await dataSource.query('INSERT INTO users (id, deleted_at) VALUES ($1, now()), ($2, NULL)', [
      deleted.id,
      living.id,
    ]);
    await expect(check.isRevoked(deleted)).resolves.toBe(true);
    await expect(check.isRevoked(living)).resolves.toBe(false);
    // Not heard of yet (user.created still on its way): let through, as the gateway does.
    await expect(check.isRevoked(unknown)).resolves.toBe(false);
  });

  it('looks the person up by the named id column', async () => {
    const check = new TombstoneCheck(
      { table: 'profiles', idColumn: 'user_id' },
      { redis, dataSource },
    );
    const ada = person();
    await dataSource.query('INSERT INTO profiles (user_id, name) VALUES ($1, $2)', [ada.id, 'Ada']);
    await expect(check.isRevoked(ada)).resolves.toBe(false);
    await dataSource.query('UPDATE profiles SET deleted_at = now() WHERE user_id = $1', [ada.id]);
    // No cache: the next request after the tombstone is refused.
    await expect(check.isRevoked(ada)).resolves.toBe(true);
  });

  it('refuses a person whose Redis tombstone key exists', async () => {
    const prefix = uniqueName('it:gone');
    const redisKey = (userId: string) => `${prefix}:${userId}`;
    const check = new TombstoneCheck({ redisKey }, { redis });
    const [deleted, living] = [person(), person()];
    await redis.set(redisKey(deleted.id), '1', 'EX', 60);
    try {
      await expect(check.isRevoked(deleted)).resolves.toBe(true);
      await expect(check.isRevoked(living)).resolves.toBe(false);
    } finally {
      await redis.del(redisKey(deleted.id));
    }
  });

  it('takes only plain SQL names and needs the database for a table', () => {
    expect(
      () =>
        new TombstoneCheck(
          { table: 'users; DROP TABLE users', idColumn: 'id' },
          { redis, dataSource },
        ),
    ).toThrow('Not a plain SQL name');
    expect(() => new TombstoneCheck({ table: 'users', idColumn: 'id' }, { redis })).toThrow(
      "need the service's database",
    );
  });
});
