import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import type { RedisStateRebuildCause } from './redis-state-guard';
import { RedisStateGuard } from './redis-state-guard';

export interface RedisStateRecoveryOptions {
  redis: Redis;
  /** Names the state: its marker is `state-epoch:<component>`. */
  component: string;
  metrics?: PlatformMetrics;
  /** How long boot waits for the first rebuild; unset, until it is done. The rest goes on behind. */
  bootWaitMs?: number;
}

/**
 * A provider owning one `RedisStateGuard`: started with the app, stopped with it, and rebuilding
 * the state through `rebuild` whenever Redis lost it.
 */
export abstract class RedisStateRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly guard: RedisStateGuard;
  protected readonly logger: Logger;
  private readonly bootWaitMs?: number;

  protected constructor({ redis, component, metrics, bootWaitMs }: RedisStateRecoveryOptions) {
    this.logger = new Logger(new.target.name);
    this.bootWaitMs = bootWaitMs;
    this.guard = new RedisStateGuard({
      redis,
      component,
      logger: this.logger,
      metrics,
      rebuild: (cause, signal) => this.rebuild(signal, cause),
    });
  }

  /** Idempotent: replicas may run it at once, and a loss during it runs it again. */
  abstract rebuild(signal: AbortSignal, cause: RedisStateRebuildCause): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    await this.guard.start({ waitMs: this.bootWaitMs });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.guard.stop();
  }
}
