/** The running service's name (`ServiceName`). */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
/** The service's kafkajs client. */
export const KAFKA = Symbol('KAFKA');
/** The service's main ioredis connection. */
export const REDIS = Symbol('REDIS');
export const OUTBOX_RELAY = Symbol('OUTBOX_RELAY');
export const REDIS_OUTBOX_RELAY = Symbol('REDIS_OUTBOX_RELAY');
export const STATS_REPORTER = Symbol('STATS_REPORTER');
export const TOPICS_TO_ENSURE = Symbol('TOPICS_TO_ENSURE');
export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
/** The shared objectionable-text matcher, built at boot with `MODERATION_TEXT_ALLOWLIST`. */
export const OBJECTIONABLE_TEXT_MATCHER = Symbol('OBJECTIONABLE_TEXT_MATCHER');
