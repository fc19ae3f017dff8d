import type { ServiceName, TopicEnvelope } from '@rendezvous/contracts';
import type Redis from 'ioredis';
import { REDIS_INBOX_LUA, REDIS_INBOX_TTL_SECONDS, redisInboxKey } from '../redis/redis-inbox';
import { REDIS_OUTBOX_LUA, redisOutboxArgs, redisOutboxStream } from '../redis/redis-outbox';
import type { ExportPart } from './export-part';
import { exportPartEvent } from './export-part';

const ANSWER_LUA = `${REDIS_INBOX_LUA}${REDIS_OUTBOX_LUA}
if inbox_seen(KEYS[2]) then return 0 end
outbox_append(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
inbox_mark(KEYS[2], tonumber(ARGV[5]))
return 1
`;

/**
 * How a service whose state lives in Redis answers `export.requested`: the part, read just
 * before, goes to the service's Redis outbox with the request's inbox mark in one script, so a
 * redelivered request is answered once.
 */
export async function answerExportPartFromRedis(
  redis: Redis,
  service: ServiceName,
  request: TopicEnvelope<'export.requested'>,
  part: ExportPart,
): Promise<void> {
  const { args } = redisOutboxArgs(service, exportPartEvent(service, request.data, part));
  await redis.eval(
    ANSWER_LUA,
    2,
    redisOutboxStream(service),
    redisInboxKey(service, request.id),
    ...args,
    String(REDIS_INBOX_TTL_SECONDS),
  );
}
