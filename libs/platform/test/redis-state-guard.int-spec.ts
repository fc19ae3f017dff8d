import { testRedis, uniqueName, waitFor } from '@rendezvous/testing';
import type Redis from 'ioredis';
import type { RedisStateRebuildCause } from '../src';
import {
  REDIS_STATE_LOST,
  REDIS_STATE_LUA,
  RedisStateGuard,
  RedisStateRebuildingError,
  isTransientInfrastructureError,
} from '../src';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** A script that acts only on intact state, as the queue and session scripts do. */
const GUARDED_INCR = `${REDIS_STATE_LUA}
if not state_intact(KEYS[1]) then return '${REDIS_STATE_LOST}' end
return redis.call('INCR', KEYS[2])`;

describe('RedisStateGuard', () => {
  let redis: Redis;
  const guards: RedisStateGuard[] = [];

  beforeAll(() => {
    redis = testRedis();
  });

  afterEach(async () => {
    await Promise.all(guards.splice(0).map((guard) => guard.stop()));
  });

  afterAll(async () => {
    await redis.quit();
  });

  /** A guard whose rebuild records its causes and runs `during` before it finishes. */
  function aGuard(during: (call: number) => Promise<void> = async () => undefined) {
    const causes: RedisStateRebuildCause[] = [];
    const guard = new RedisStateGuard({
      redis,
      component: uniqueName('it-state'),
      logger: quiet,
      checkIntervalMs: 100,
      rebuild: async (cause) => {
        causes.push(cause);
        await during(causes.length);
      },
    });
    guards.push(guard);
    return { guard, causes };
  }

  it('rebuilds at start when the marker is missing, and not at the next start', async () => {
    const { guard, causes } = aGuard();
    await expect(guard.start()).resolves.toBe(true);
    expect(causes).toEqual(['missing']);
    expect(guard.intact).toBe(true);
    expect(await redis.exists(guard.markerKey)).toBe(1);

    await guard.stop();
    await expect(guard.start()).resolves.toBe(true);
    expect(causes).toEqual(['missing']);
  });

  it('notices a loss within an interval and refuses until the rebuild is done', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { guard, causes } = aGuard(async (call) => {
      if (call === 2) await gate;
    });
    await guard.start();

    await redis.del(guard.markerKey);
    await waitFor(() => causes.length === 2, { message: 'the rebuild after the loss' });
    expect(causes).toEqual(['missing', 'lost']);
    expect(guard.intact).toBe(false);
    let refusal: unknown;
    try {
      guard.assertIntact();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RedisStateRebuildingError);
    expect(isTransientInfrastructureError(refusal)).toBe(true);

    release();
    await waitFor(() => guard.intact, { message: 'intact again' });
    expect(await redis.exists(guard.markerKey)).toBe(1);
  });

  it('rebuilds again when Redis loses the state during the rebuild', async () => {
    const { guard, causes } = aGuard(async (call) => {
      if (call === 1) await redis.del(`${guard.markerKey}:rebuilding`);
    });
    await expect(guard.start()).resolves.toBe(false);
    expect(await redis.exists(guard.markerKey)).toBe(0);
    await waitFor(() => guard.intact, { message: 'the second rebuild' });
    expect(causes).toHaveLength(2);
  });

  it('runs one rebuild for checks that overlap', async () => {
    const { guard, causes } = aGuard(() => new Promise((resolve) => setTimeout(resolve, 50)));
    const answers = await Promise.all([guard.check(), guard.check(), guard.check()]);
    expect(answers).toEqual([true, true, true]);
    expect(causes).toHaveLength(1);
  });

  it('tries a failed rebuild again and stays refusing meanwhile', async () => {
    const { guard, causes } = aGuard(async (call) => {
      if (call === 1) throw new Error('PostgreSQL unreachable');
    });
    await expect(guard.start()).resolves.toBe(false);
    expect(guard.intact).toBe(false);
    await waitFor(() => guard.intact, { message: 'the retried rebuild' });
    expect(causes).toEqual(['missing', 'missing']);
  });

  it('lets a reader that found the marker gone refuse at once and start the rebuild', async () => {
    const { guard, causes } = aGuard();
    await guard.start();
    const counter = uniqueName('it-state-counter');

    await expect(redis.eval(GUARDED_INCR, 2, guard.markerKey, counter)).resolves.toBe(1);
    await redis.del(guard.markerKey);
    await expect(redis.eval(GUARDED_INCR, 2, guard.markerKey, counter)).resolves.toBe(
      REDIS_STATE_LOST,
    );
    expect(() => guard.lost()).toThrow(RedisStateRebuildingError);
    await waitFor(() => guard.intact, { message: 'rebuilt after the reader noticed' });
    expect(causes).toEqual(['missing', 'lost']);
    await expect(redis.eval(GUARDED_INCR, 2, guard.markerKey, counter)).resolves.toBe(2);
    await redis.del(counter);
  });
});
