import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { MatchingConfig } from '../config';
import type { Impression } from './impressions.repository';
import { ImpressionsRepository } from './impressions.repository';

const DAY_MS = 86_400_000;
const RETENTION_BATCH = 5_000;
const RETENTION_EVERY_MS = 3_600_000;

/**
 * Keeps what discovery showed off the request path: requests only append to a bounded buffer,
 * which is written in one statement every `MATCHING_IMPRESSIONS_FLUSH_MS`. When the database
 * falls behind, the oldest waiting impressions are dropped (training loses a few examples; no
 * request waits). Hourly, impressions past their retention are deleted.
 */
@Injectable()
export class ImpressionRecorder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImpressionRecorder.name);
  private buffer: Impression[] = [];
  private flushTimer?: NodeJS.Timeout;
  private retentionTimer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  private dropped = 0;

  constructor(
    private readonly impressions: ImpressionsRepository,
    private readonly config: MatchingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.flushTimer = setInterval(
      () => void this.flush(),
      this.config.MATCHING_IMPRESSIONS_FLUSH_MS,
    );
    this.flushTimer.unref();
    this.retentionTimer = setInterval(() => void this.expire(), RETENTION_EVERY_MS);
    this.retentionTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.flushTimer);
    clearInterval(this.retentionTimer);
    await this.flush();
  }

  record(impressions: readonly Impression[]): void {
    this.buffer.push(...impressions);
    const over = this.buffer.length - this.config.MATCHING_IMPRESSIONS_BUFFER;
    if (over > 0) {
      this.buffer.splice(0, over);
      this.dropped += over;
    }
  }

  /** Writes what is waiting, after any write in flight (one at a time). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeWaiting());
    return this.flushing;
  }

  /** Deletes impressions older than the retention; returns how many went. */
  async expire(now = new Date()): Promise<number> {
    const cutoff = new Date(
      now.getTime() - this.config.MATCHING_IMPRESSIONS_RETENTION_DAYS * DAY_MS,
    );
    let total = 0;
    try {
      for (;;) {
        const deleted = await this.impressions.deleteOlderThan(cutoff, RETENTION_BATCH);
        total += deleted;
        if (deleted < RETENTION_BATCH) return total;
      }
    } catch (error) {
      this.logger.warn(`impression retention failed, retrying next hour: ${String(error)}`);
      return total;
    }
  }

  private async writeWaiting(): Promise<void> {
    if (this.dropped > 0) {
      this.logger.warn(`${this.dropped} impressions dropped: the buffer was full`);
      this.dropped = 0;
    }
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, 1000);
      try {
        await this.impressions.insertBatch(batch);
      } catch (error) {
        // Kept for the next round (still bounded by the buffer's size).
        this.buffer.unshift(...batch);
        this.record([]);
        this.logger.warn(`writing impressions failed, retrying: ${String(error)}`);
        return;
      }
    }
  }
}
