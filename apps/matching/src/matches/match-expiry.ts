import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { MatchingConfig } from '../config';
import { MatchesService } from './matches.service';

const BATCH = 500;
const DAY_MS = 86_400_000;

/**
 * Ends matches nobody acted on within `MATCHING_MATCH_EXPIRY_DAYS` (off when 0). Every replica
 * may sweep: rows are claimed with SKIP LOCKED, so each match expires once.
 */
@Injectable()
export class MatchExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MatchExpiry.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    private readonly config: MatchingConfig,
    private readonly matches: MatchesService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.MATCHING_MATCH_EXPIRY_DAYS === 0) return;
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    }, this.config.MATCHING_MATCH_EXPIRY_SWEEP_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Expires every overdue match, in batches; returns how many ended. */
  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.MATCHING_MATCH_EXPIRY_DAYS * DAY_MS);
    let total = 0;
    try {
      for (;;) {
        const ended = await this.matches.expire(cutoff, BATCH);
        total += ended;
        if (ended < BATCH) return total;
      }
    } catch (error) {
      this.logger.warn(`match expiry sweep failed, retrying next round: ${String(error)}`);
      return total;
    }
  }
}
