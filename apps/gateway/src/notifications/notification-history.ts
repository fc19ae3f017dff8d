import { Inject, Injectable } from '@nestjs/common';
import {
  REDIS,
  REDIS_INBOX_LUA,
  REDIS_INBOX_TTL_SECONDS,
  redisInboxKey,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import { GatewayConfig } from '../config';
import type { Notification } from './notification-map';
import type { NotificationPage, StoredNotification } from './notification.shapes';

const historyKey = (userId: string) => `notifications:${userId}`;
// An idle history is dropped after a week; the retention promise is about active ones.
const HISTORY_IDLE_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * Appends one event's notifications to each recipient's list, once per event id. Entries are
 * `<stored-at ms>|<json>`; the oldest are dropped while the list is over the hard cap, or over
 * the minimum count and older than the minimum age.
 */
const APPEND_LUA = `${REDIS_INBOX_LUA}
local inbox = KEYS[1]
if inbox_seen(inbox) then return 0 end
local now = tonumber(ARGV[1])
local min_count = tonumber(ARGV[2])
local cutoff = now - tonumber(ARGV[3])
local max_count = tonumber(ARGV[4])
local idle_ttl = tonumber(ARGV[5])
for i = 2, #KEYS do
  local key = KEYS[i]
  redis.call('RPUSH', key, now .. '|' .. ARGV[5 + i])
  local length = redis.call('LLEN', key)
  while length > max_count do
    redis.call('LPOP', key)
    length = length - 1
  end
  while length > min_count do
    local stored_at = tonumber(string.match(redis.call('LINDEX', key, 0), '^(%d+)|'))
    if stored_at == nil or stored_at >= cutoff then break end
    redis.call('LPOP', key)
    length = length - 1
  end
  redis.call('EXPIRE', key, idle_ttl)
end
inbox_mark(inbox, tonumber(ARGV[6]))
return 1
`;

/** Each person's recent notifications in Redis, for clients that were offline (`GET /notifications`). */
@Injectable()
export class NotificationHistory {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: GatewayConfig,
  ) {}

  /** Records an event's notifications; false when this event was recorded before. */
  async append(eventId: string, notifications: Notification[]): Promise<boolean> {
    const keys = [
      redisInboxKey('gateway', eventId),
      ...notifications.map((n) => historyKey(n.recipientId)),
    ];
    const entries = notifications.map((n) =>
      JSON.stringify({
        notificationId: n.payload.notificationId,
        event: n.event,
        occurredAt: n.payload.occurredAt,
        payload: n.payload,
      } satisfies StoredNotification),
    );
    const applied = await this.redis.eval(
      APPEND_LUA,
      keys.length,
      ...keys,
      Date.now(),
      this.config.NOTIFICATION_HISTORY_MIN_COUNT,
      this.config.NOTIFICATION_HISTORY_MIN_HOURS * 3_600_000,
      this.config.NOTIFICATION_HISTORY_MAX_COUNT,
      HISTORY_IDLE_TTL_SECONDS,
      REDIS_INBOX_TTL_SECONDS,
      ...entries,
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

  /** Every retained notification of the person, oldest first. */
  async all(userId: string): Promise<StoredNotification[]> {
    const raw = await this.redis.lrange(historyKey(userId), 0, -1);
    return raw.map(
      (entry) => JSON.parse(entry.slice(entry.indexOf('|') + 1)) as StoredNotification,
    );
  }

  async forget(userId: string): Promise<void> {
    await this.redis.del(historyKey(userId));
  }
}
