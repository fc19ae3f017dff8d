import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserConfig } from '../config';
import { ExportsRepository } from './exports.repository';

const BATCH = 500;

/**
 * Reads already see an overdue export as failed and an old one as expired (they compare the
 * time); this sweep writes it, dropping the parts a failed export held and an expired one's data.
 * Replicas may sweep at once: each takes rows the others have not locked.
 */
@Injectable()
export class ExportSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExportSweep.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly exports: ExportsRepository,
    private readonly config: UserConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    }, this.config.EXPORT_SWEEP_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Fails overdue exports and expires old ones, in batches; returns how many changed. */
  async sweep(): Promise<number> {
    const timeout = this.config.EXPORT_PART_TIMEOUT_SECONDS;
    let total = 0;
    try {
      for (;;) {
        const changed = await this.dataSource.transaction(
          async (tx) =>
            (await this.exports.failOverdue(tx, timeout, { limit: BATCH })) +
            (await this.exports.expireOld(tx, BATCH)),
        );
        total += changed;
        if (changed === 0) return total;
      }
    } catch (error) {
      this.logger.warn(`export sweep failed, retrying next round: ${String(error)}`);
      return total;
    }
  }
}
