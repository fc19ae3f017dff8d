import { Inject, Injectable } from '@nestjs/common';
import {
  REDIS,
  REDIS_INBOX_LUA,
  REDIS_INBOX_TTL_SECONDS,
  RedisStateRebuildingError,
  redisInboxKey,
  redisStateMarkerKey,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import { deletedMarkerKey } from '../auth/revoked-users';
import { GatewayConfig } from '../config';
import type { Notification } from './notification-map';
import type { NotificationPage, StoredNotification } from './notification.shapes';

const historyKey = (userId: string) => `notifications:${userId}`;
// An idle history is dropped after a week; the retention promise is about active ones.
const HISTORY_IDLE_TTL_SECONDS = 7 * 24 * 60 * 60;

/** The guarded state of the histories (HistoryRecovery writes them back after a Redis loss). */
export const NOTIFICATIONS_STATE = 'gateway-notifications';
const NOTIFICATIONS_STATE_MARKER = redisStateMarkerKey(NOTIFICATIONS_STATE);

/**
 * Entries are `<order ms>|<json>`, oldest first. KEYS: the event's inbox key, then per recipient
 * their history and their deleted marker (a deleted person's history is not written again).
 * ARGV: now, min count, min age ms, max count, idle ttl, inbox ttl, the entry's order ms, the
 * event id (the notifications' id), then per recipient the entry's JSON. The oldest are dropped while a list is over the hard cap, or
 * over the minimum count and older than the minimum age.
 */
const HISTORY_LUA = `${REDIS_INBOX_LUA}
local function order_of(entry)
  return tonumber(string.match(entry, '^(%d+)|')) or 0
end
local function trim(key, now)
  local min_count = tonumber(ARGV[2])
  local cutoff = now - tonumber(ARGV[3])
  local max_count = tonumber(ARGV[4])
  local length = redis.call('LLEN', key)
  while length > max_count do
    redis.call('LPOP', key)
    length = length - 1
  end
  while length > min_count do
    if order_of(redis.call('LINDEX', key, 0)) >= cutoff then break end
    redis.call('LPOP', key)
    length = length - 1
  end
  redis.call('EXPIRE', key, tonumber(ARGV[5]))
end
local function each_recipient(write)
  if inbox_seen(KEYS[1]) then return 0 end
  local now = tonumber(ARGV[1])
  local order = tonumber(ARGV[7])
  for i = 1, (#KEYS - 1) / 2 do
    local key = KEYS[2 * i]
    if redis.call('EXISTS', KEYS[2 * i + 1]) == 0 then
      write(key, order, ARGV[8 + i])
      trim(key, now)
    end
  end
  inbox_mark(KEYS[1], tonumber(ARGV[6]))
  return 1
end
`;

// Live: appended, so a client paging with `after` never misses an entry written later.
const APPEND_LUA = `${HISTORY_LUA}
return each_recipient(function(key, order, json)
  redis.call('RPUSH', key, order .. '|' .. json)
end)
`;

// Written back after a loss: placed by when it happened among what is there, unless present.
const RESTORE_LUA = `${HISTORY_LUA}
local id = ARGV[8]
return each_recipient(function(key, order, json)
  local index = -1
  local length = redis.call('LLEN', key)
  while -index <= length do
    local entry = redis.call('LINDEX', key, index)
    if string.find(entry, id, 1, true) then return end
    if order_of(entry) < order then break end
    index = index - 1
  end
  local entry = order .. '|' .. json
  if -index > length then
    redis.call('LPUSH', key, entry)
  else
    redis.call('LINSERT', key, 'AFTER', redis.call('LINDEX', key, index), entry)
  end
end)
`;

function entryOf(notification: Notification): string {
  return JSON.stringify({
    notificationId: notification.payload.notificationId,
    event: notification.event,
    occurredAt: notification.payload.occurredAt,
    payload: notification.payload,
  } satisfies StoredNotification);
}

/**
 * Each person's recent notifications in Redis, for clients that were offline (`GET
 * /notifications`), in the order they were recorded. Read only while the state's marker says the
 * histories are whole; after a Redis loss HistoryRecovery writes them back first.
 */
@Injectable()
export class NotificationHistory {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: GatewayConfig,
  ) {}

  /** Records an event's notifications; false when this event was recorded before. */
  append(eventId: string, notifications: Notification[]): Promise<boolean> {
    return this.write(APPEND_LUA, eventId, notifications, Date.now());
  }

  /**
   * Writes an event's notifications back after a loss, placed by `occurredAt` among the entries
   * there (those the live consumer appended since the loss come later), once per event id.
   */
  restore(eventId: string, notifications: Notification[]): Promise<boolean> {
    const first = notifications[0];
    if (!first) return Promise.resolve(false);
    return this.write(RESTORE_LUA, eventId, notifications, Date.parse(first.payload.occurredAt));
  }

  private async write(
    script: string,
    eventId: string,
    notifications: Notification[],
    orderMs: number,
  ): Promise<boolean> {
    const keys = [
      redisInboxKey('gateway', eventId),
      ...notifications.flatMap((n) => [historyKey(n.recipientId), deletedMarkerKey(n.recipientId)]),
    ];
    const applied = await this.redis.eval(
      script,
      keys.length,
      ...keys,
      Date.now(),
      this.config.NOTIFICATION_HISTORY_MIN_COUNT,
      this.config.NOTIFICATION_HISTORY_MIN_HOURS * 3_600_000,
      this.config.NOTIFICATION_HISTORY_MAX_COUNT,
      HISTORY_IDLE_TTL_SECONDS,
      REDIS_INBOX_TTL_SECONDS,
      orderMs,
      eventId,
      ...notifications.map(entryOf),
    );
    return applied === 1;
  }

  /** Oldest first: the notifications after `after` (all retained ones when it is absent or gone). */
  async page(userId: string, after: string | undefined, limit: number): Promise<NotificationPage> {
    const all = await this.all(userId);
    const position = after ? all.findIndex((n) => n.notificationId === after) : -1;
    const rest = all.slice(position + 1);
    const items = rest.slice(0, limit);
    return {
      items,
      nextCursor: rest.length > limit ? items[items.length - 1].notificationId : null,
    };
  }

  /**
   * Every retained notification of the person, oldest first. Throws the transient
   * `RedisStateRebuildingError` (`503`, consumers wait) while the histories are not whole.
   */
  async all(userId: string): Promise<StoredNotification[]> {
    const results =
      (await this.redis
        .multi()
        .lrange(historyKey(userId), 0, -1)
        .exists(NOTIFICATIONS_STATE_MARKER)
        .exec()) ?? [];
    for (const [error] of results) if (error) throw error;
    if (results[1]?.[1] !== 1) throw new RedisStateRebuildingError(NOTIFICATIONS_STATE);
    return ((results[0]?.[1] ?? []) as string[]).map(
      (entry) => JSON.parse(entry.slice(entry.indexOf('|') + 1)) as StoredNotification,
    );
  }

  async forget(userId: string): Promise<void> {
    await this.redis.del(historyKey(userId));
  }
}
