import { randomUUID } from 'node:crypto';
import { testRedis, uniqueName } from '@rendezvous/testing';
import type Redis from 'ioredis';
import { REDIS_INBOX_LUA, REDIS_INBOX_TTL_SECONDS, redisInboxKey } from '../src';

// A Redis-side effect as the gateway's history will write it: append, trim, mark.
const APPEND_ONCE = `${REDIS_INBOX_LUA}
if inbox_seen(KEYS[1]) then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[1])
if ARGV[3] == 'fail' then
  return redis.error_reply('effect failed')
end
inbox_mark(KEYS[1], ARGV[2])
return 1`;

describe('REDIS_INBOX_LUA', () => {
  let redis: Redis;
  const list = uniqueName('it:history');

  beforeAll(() => {
    redis = testRedis();
  });

  afterAll(async () => {
    await redis.del(list);
    await redis.quit();
  });

  const apply = (eventId: string, mode = 'ok') =>
    redis.eval(
      APPEND_ONCE,
      2,
      redisInboxKey('gateway', eventId),
      list,
      eventId,
      REDIS_INBOX_TTL_SECONDS,
      mode,
    );

  it('applies an event once however often it is delivered', async () => {
    const eventId = randomUUID();
    await expect(apply(eventId)).resolves.toBe(1);
    await expect(apply(eventId)).resolves.toBe(0);
    await expect(apply(eventId)).resolves.toBe(0);
    expect((await redis.lrange(list, 0, -1)).filter((id) => id === eventId)).toHaveLength(1);
    const ttl = await redis.ttl(redisInboxKey('gateway', eventId));
    expect(ttl).toBeGreaterThan(REDIS_INBOX_TTL_SECONDS - 60);
  });

  it('leaves no mark when the script fails, so the redelivery applies the event', async () => {
    const eventId = randomUUID();
    await expect(apply(eventId, 'fail')).rejects.toThrow(/effect failed/);
    expect(await redis.exists(redisInboxKey('gateway', eventId))).toBe(0);
    await expect(apply(eventId)).resolves.toBe(1);
    expect(await redis.exists(redisInboxKey('gateway', eventId))).toBe(1);
  });
});
