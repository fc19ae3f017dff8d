import { randomUUID } from 'node:crypto';
import type { ServiceName } from '@rendezvous/contracts';
import {
  aUserStatus,
  createTestDatabase,
  testRedis,
  uniqueName,
  waitFor,
} from '@rendezvous/testing';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../src';
import { AccessCheck, AccountStatusProjection, RedisStandings } from '../src';
import { platformDataSource } from './platform-data-source';

const person = (): AuthUser => ({ id: randomUUID(), role: 'user' });
const refusedWith = async (check: AccessCheck, user: AuthUser) => (await check.refusal(user))?.code;

describe(AccessCheck.name, () => {
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
    const check = new AccessCheck({ table: 'users', idColumn: 'id' }, { dataSource });
    const [deleted, living, unknown] = [person(), person(), person()];
    await dataSource.query('INSERT INTO users (id, deleted_at) VALUES ($1, now()), ($2, NULL)', [
      deleted.id,
      living.id,
    ]);
    expect(await refusedWith(check, deleted)).toBe('COMMON.UNAUTHORIZED');
    expect(await refusedWith(check, living)).toBeUndefined();
    // Not heard of yet (user.created still on its way): let through, as the gateway does.
    expect(await refusedWith(check, unknown)).toBeUndefined();
  });

  it('looks the person up by the named id column', async () => {
    const check = new AccessCheck({ table: 'profiles', idColumn: 'user_id' }, { dataSource });
    const ada = person();
    await dataSource.query('INSERT INTO profiles (user_id, name) VALUES ($1, $2)', [ada.id, 'Ada']);
    expect(await refusedWith(check, ada)).toBeUndefined();
    await dataSource.query('UPDATE profiles SET deleted_at = now() WHERE user_id = $1', [ada.id]);
    // No cache: the next request after the tombstone is refused.
    expect(await refusedWith(check, ada)).toBe('COMMON.UNAUTHORIZED');
  });

  describe('with the standing kept in Redis too', () => {
    const logger = { log: () => undefined, warn: () => undefined, error: () => undefined };
    const service = uniqueName('it') as ServiceName;
    const key = (userId: string) => `standing:${service}:${userId}`;
    let standings: RedisStandings;

    beforeAll(async () => {
      standings = new RedisStandings({
        service,
        redis,
        dataSource,
        tombstones: { table: 'users', idColumn: 'id' },
        logger,
      });
      await standings.guard.start();
    });

    afterAll(() => standings.guard.stop());

    it('answers from Redis alone, and from Postgres while Redis cannot vouch for the set', async () => {
      const check = new AccessCheck({ table: 'users', idColumn: 'id' }, { dataSource, standings });
      const [suspended, deleted, living] = [person(), person(), person()];
      await standings.applyStatus(aUserStatus(suspended.id, { status: 'suspended' }), 2);
      await standings.applyDeleted(deleted.id, 3);
      // Postgres knows none of this: only Redis can refuse them.
      expect(await refusedWith(check, suspended)).toBe('AUTH.ACCOUNT_SUSPENDED');
      expect(await refusedWith(check, deleted)).toBe('COMMON.UNAUTHORIZED');
      expect(await refusedWith(check, living)).toBeUndefined();

      // A late, older standing changes nothing; a deletion is final.
      await standings.applyStatus(aUserStatus(suspended.id, { status: 'active' }), 1);
      await standings.applyStatus(aUserStatus(deleted.id, { status: 'active' }), 9);
      expect(await refusedWith(check, suspended)).toBe('AUTH.ACCOUNT_SUSPENDED');
      expect(await refusedWith(check, deleted)).toBe('COMMON.UNAUTHORIZED');

      // Redis lost it: Postgres answers (it knows the deleted person) until the rebuild is done.
      await dataSource.query('INSERT INTO users (id, deleted_at) VALUES ($1, now())', [deleted.id]);
      await redis.del(standings.guard.markerKey, key(deleted.id));
      expect(await refusedWith(check, deleted)).toBe('COMMON.UNAUTHORIZED');
      await waitFor(() => standings.guard.check());
      expect(await redis.exists(key(deleted.id))).toBe(1);
    });
  });

  it('takes only plain SQL names', () => {
    expect(
      () => new AccessCheck({ table: 'users; DROP TABLE users', idColumn: 'id' }, { dataSource }),
    ).toThrow('Not a plain SQL name');
  });

  describe('with the standing from user.status_changed', () => {
    const accounts = new AccountStatusProjection();
    const standing = aUserStatus;
    const check = () => new AccessCheck({ table: 'users', idColumn: 'id' }, { dataSource });

    it('refuses a suspended person until the suspension ends, and a banned one', async () => {
      const [suspended, timed, ended, banned] = [person(), person(), person(), person()];
      const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
      const aMinuteAgo = new Date(Date.now() - 60_000).toISOString();
      await accounts.applyIfNewer(
        dataSource.manager,
        standing(suspended.id, { status: 'suspended' }),
        2,
      );
      await accounts.applyIfNewer(
        dataSource.manager,
        standing(timed.id, { status: 'suspended', suspendedUntil: inAnHour }),
        2,
      );
      await accounts.applyIfNewer(
        dataSource.manager,
        standing(ended.id, { status: 'suspended', suspendedUntil: aMinuteAgo }),
        2,
      );
      await accounts.applyIfNewer(dataSource.manager, standing(banned.id, { status: 'banned' }), 2);

      const refusal = await check().refusal(timed);
      expect(refusal).toMatchObject({
        code: 'AUTH.ACCOUNT_SUSPENDED',
        options: { status: 401, members: { accountStatus: 'suspended', suspendedUntil: inAnHour } },
      });
      expect(await refusedWith(check(), suspended)).toBe('AUTH.ACCOUNT_SUSPENDED');
      expect(await refusedWith(check(), banned)).toBe('AUTH.ACCOUNT_SUSPENDED');
      expect(await refusedWith(check(), ended)).toBeUndefined();
    });

    it('keeps the newest standing by version, so a late suspension cannot undo a reinstatement', async () => {
      const ada = person();
      await accounts.applyIfNewer(dataSource.manager, standing(ada.id, { status: 'active' }), 5);
      const late = await accounts.applyIfNewer(
        dataSource.manager,
        standing(ada.id, { status: 'suspended' }),
        4,
      );
      expect(late).toBeUndefined();
      expect(await refusedWith(check(), ada)).toBeUndefined();
    });

    it('refuses a token whose role is above the current one when issued before the change', async () => {
      const demoted = person();
      const changedAt = new Date();
      await accounts.applyIfNewer(
        dataSource.manager,
        standing(demoted.id, { role: 'user', roleChangedAt: changedAt.toISOString() }),
        3,
      );
      const seconds = Math.floor(changedAt.getTime() / 1000);
      const before = { ...demoted, role: 'moderator' as const, issuedAt: seconds - 60 };
      const after = { ...demoted, role: 'moderator' as const, issuedAt: seconds + 2 };
      expect(await refusedWith(check(), before)).toBe('AUTH.ROLE_CHANGED');
      // Issued after the last change this service knows of: a promotion it has not heard of yet.
      expect(await refusedWith(check(), after)).toBeUndefined();
      expect(await refusedWith(check(), { ...demoted, issuedAt: seconds - 60 })).toBeUndefined();
    });
  });
});
