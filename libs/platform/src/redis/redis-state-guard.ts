import { randomUUID } from 'node:crypto';
import type { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { PlatformMetrics } from '../metrics/platform-metrics';

/** Why a rebuild runs: no marker at start (a new Redis, or one that lost data while we were down), or lost while running. */
export type RedisStateRebuildCause = 'missing' | 'lost';

export interface RedisStateGuardOptions {
  redis: Redis;
  /** Names the state; its marker is `state-epoch:<component>`. */
  component: string;
  /**
   * Writes the state back from its durable source (PostgreSQL, Kafka). Replicas may run it at
   * the same time and a loss during it runs it again, so it must be idempotent. `signal` aborts
   * when the guard stops (the app shuts down).
   */
  rebuild(cause: RedisStateRebuildCause, signal: AbortSignal): Promise<void>;
  logger: Pick<Logger, 'log' | 'warn' | 'error'>;
  metrics?: PlatformMetrics;
  checkIntervalMs?: number;
}

/** Thrown where Redis-held state is needed while it is being rebuilt: answered `503`, waited out by consumers. */
export class RedisStateRebuildingError extends Error {
  override readonly name = 'RedisStateRebuildingError';

  constructor(component: string) {
    super(`${component}: the Redis state is being rebuilt`);
  }
}

export const redisStateMarkerKey = (component: string) => `state-epoch:${component}`;

/**
 * Lua for scripts that must not act on lost state: `if not state_intact(KEYS[n]) then return
 * 'state-lost' end`, with the guard's `markerKey` as that key.
 */
export const REDIS_STATE_LUA = `
local function state_intact(key)
  return redis.call('EXISTS', key) == 1
end
`;

export const REDIS_STATE_LOST = 'state-lost';

// The marker is set only if no flush happened since the rebuild began (its pending token survived).
const MARK_LUA = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('DEL', KEYS[1])
return 1`;

/**
 * Notices when Redis lost a component's state and has it rebuilt. Redis here may run without
 * persistence, or fail over to a replica that missed recent writes: a marker key written after
 * each rebuild vanishes with the data, and its absence is seen within `checkIntervalMs` (1 s) by
 * the timer, or at once by a request that reads the marker with its own data (`markerKey`,
 * `REDIS_STATE_LUA`) and calls `lost()`. Until the rebuild is done `intact` is false, and code
 * that must not act on missing state refuses with `RedisStateRebuildingError`.
 */
export class RedisStateGuard {
  readonly markerKey: string;
  private readonly pendingKey: string;
  private state: 'unknown' | 'rebuilding' | 'intact' = 'unknown';
  private seenIntact = false;
  private running?: Promise<boolean>;
  private timer?: NodeJS.Timeout;
  private stopping = new AbortController();

  constructor(private readonly options: RedisStateGuardOptions) {
    this.markerKey = redisStateMarkerKey(options.component);
    this.pendingKey = `${this.markerKey}:rebuilding`;
  }

  get intact(): boolean {
    return this.state === 'intact';
  }

  /**
   * Checks at once, then every interval. Answers whether the state is intact after the first
   * check, or `false` after `waitMs` when a long rebuild should go on behind a booting app.
   */
  async start({ waitMs }: { waitMs?: number } = {}): Promise<boolean> {
    if (this.stopping.signal.aborted) this.stopping = new AbortController();
    this.timer = setInterval(() => void this.check(), this.options.checkIntervalMs ?? 1_000);
    this.timer.unref();
    const first = this.check();
    if (waitMs === undefined) return first;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, waitMs, false)));
    return Promise.race([first, late]).finally(() => clearTimeout(timer));
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.stopping.abort(new Error(`${this.options.component}: stopping`));
    await this.running;
  }

  /** Throws `RedisStateRebuildingError` unless the state is intact. */
  assertIntact(): void {
    if (!this.intact) throw new RedisStateRebuildingError(this.options.component);
  }

  /** A reader found the marker gone: stop trusting the state now, rebuild, and throw. */
  lost(): never {
    if (this.state === 'intact') this.state = 'unknown';
    void this.check();
    throw new RedisStateRebuildingError(this.options.component);
  }

  check(): Promise<boolean> {
    this.running ??= this.checkOnce()
      .catch((error: unknown) => {
        this.state = 'unknown';
        this.options.logger.error(
          { err: error, component: this.options.component },
          'rebuilding the Redis state failed; trying again',
        );
        return false;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async checkOnce(): Promise<boolean> {
    const { redis, component, logger } = this.options;
    if ((await redis.exists(this.markerKey)) === 1) {
      this.state = 'intact';
      this.seenIntact = true;
      return true;
    }
    const cause: RedisStateRebuildCause = this.seenIntact ? 'lost' : 'missing';
    if (cause === 'lost') logger.warn({ component }, 'Redis lost this state; rebuilding it');
    this.state = 'rebuilding';
    const token = randomUUID();
    const started = Date.now();
    await redis.set(this.pendingKey, token);
    await this.options.rebuild(cause, this.stopping.signal);
    const marked = await redis.eval(
      MARK_LUA,
      2,
      this.pendingKey,
      this.markerKey,
      token,
      new Date().toISOString(),
    );
    if (marked !== 1) {
      this.state = 'unknown';
      return false;
    }
    this.state = 'intact';
    this.seenIntact = true;
    this.options.metrics?.redisStateRebuilds.inc({ component, cause });
    logger.log({ component, cause, ms: Date.now() - started }, 'Redis state rebuilt');
    return true;
  }
}
