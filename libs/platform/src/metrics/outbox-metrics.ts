import { Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { CachedRead } from './cached-read';
import { PlatformMetrics } from './platform-metrics';

interface Backlog {
  rows: number;
  oldestAgeSeconds: number;
}

/**
 * `outbox_backlog` and `outbox_oldest_age_seconds`: committed events the relay has not published
 * yet. One small query per scrape at most every 5 s (the outbox is drained continuously, so it
 * stays short and its `seq` order is its age order).
 */
@Injectable()
export class OutboxMetrics {
  constructor(metrics: PlatformMetrics, dataSource: DataSource) {
    const registers = [metrics.registry];
    const logger = new Logger(OutboxMetrics.name);
    const backlog = new CachedRead<Backlog>(
      async () => {
        const [row] = await dataSource.query<{ rows: string; age: number | null }[]>(
          `SELECT count(*)::text AS rows,
                  extract(epoch FROM now() - min(created_at))::float8 AS age
           FROM outbox`,
        );
        return { rows: Number(row?.rows ?? 0), oldestAgeSeconds: Math.max(0, row?.age ?? 0) };
      },
      {
        maxAgeMs: 5_000,
        waitMs: 2_000,
        onError: (error) => logger.warn({ err: error }, 'could not read the outbox backlog'),
      },
    );
    new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox rows committed but not yet published to Kafka',
      registers,
      async collect() {
        const read = await backlog.get();
        if (read) this.set(read.rows);
      },
    });
    new Gauge({
      name: 'outbox_oldest_age_seconds',
      help: 'Age of the oldest unpublished outbox row (0 when the outbox is empty)',
      registers,
      async collect() {
        const read = await backlog.get();
        if (read) this.set(read.oldestAgeSeconds);
      },
    });
  }
}
