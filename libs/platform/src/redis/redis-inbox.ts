import type { ServiceName } from '@rendezvous/contracts';

/** How long a consumer remembers an applied event id; far beyond any redelivery window. */
export const REDIS_INBOX_TTL_SECONDS = 7 * 24 * 60 * 60;

export function redisInboxKey(service: ServiceName, eventId: string): string {
  return `inbox:${service}:${eventId}`;
}

/**
 * Lua for consumers whose effect lives in Redis (ARCHITECTURE.md, Consuming): start the script
 * with `if inbox_seen(key) then return 0 end` and end it with `inbox_mark(key, ttl)`, so the
 * effect and its dedupe key are applied atomically. Marking last means a script that fails
 * halfway leaves no mark and the redelivery applies it again.
 */
export const REDIS_INBOX_LUA = `
local function inbox_seen(key)
  return redis.call('EXISTS', key) == 1
end
local function inbox_mark(key, ttl)
  redis.call('SET', key, '1', 'EX', ttl)
end
`;
