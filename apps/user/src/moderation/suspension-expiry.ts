import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserConfig } from '../config';
import { UsersRepository } from '../users/users.repository';

const BATCH = 500;

/**
 * A timed suspension ends by itself at `suspendedUntil` (every check compares the time); this
 * sweep only sets the row back to `active` and announces it, so projections and the admin list
 * converge. Not an audited action.
 */
@Injectable()
export class SuspensionExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SuspensionExpiry.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly config: UserConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    }, this.config.MODERATION_SUSPENSION_SWEEP_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Ends every suspension past its end, in batches; returns how many. */
  async sweep(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const ended = await this.dataSource.transaction((tx) =>
          this.users.endExpiredSuspensions(tx, BATCH),
        );
        total += ended;
        if (ended < BATCH) return total;
      }
    } catch (error) {
      this.logger.warn(`suspension sweep failed, retrying next round: ${String(error)}`);
      return total;
    }
  }
}
