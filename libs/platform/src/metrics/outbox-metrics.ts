import { Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { CachedRead } from './cached-read';
import type { PlatformMetrics } from './platform-metrics';

/** Where a service's outbox lives: its Postgres table, or its Redis Stream (state kept in Redis). */
export type OutboxStore = 'postgres' | 'redis';

export interface OutboxBacklog {
  entries: number;
  /** 0 when the outbox is empty. */
  oldestAgeSeconds: number;
}

export type OutboxBacklogRead = () => Promise<OutboxBacklog>;

export type OutboxBacklogReads = Partial<Record<OutboxStore, OutboxBacklogRead>>;

/** The Postgres outbox is drained continuously, so it stays short and one query reads it. */
export function postgresOutboxBacklog(dataSource: DataSource): OutboxBacklogRead {
  return async () => {
    const [row] = await dataSource.query<{ rows: string; age: number | null }[]>(
      `SELECT count(*)::text AS rows,
              extract(epoch FROM now() - min(created_at))::float8 AS age
       FROM outbox`,
    );
    return { entries: Number(row?.rows ?? 0), oldestAgeSeconds: Math.max(0, row?.age ?? 0) };
  };
}

/**
 * `outbox_backlog` and `outbox_oldest_age_seconds`, labelled by `outbox` store: committed events
 * the relay has not published yet. Each store is read at most every 5 s, whatever the scrapes.
 */
export class OutboxMetrics {
  constructor(metrics: PlatformMetrics, reads: OutboxBacklogReads) {
    const logger = new Logger(OutboxMetrics.name);
    const backlogs = Object.entries(reads).flatMap(([outbox, read]) =>
      read
        ? [
            {
              outbox,
              backlog: new CachedRead(read, {
                maxAgeMs: 5_000,
                waitMs: 2_000,
                onError: (error) =>
                  logger.warn({ err: error, outbox }, 'could not read the outbox backlog'),
              }),
            },
          ]
        : [],
    );
    const collect = async (gauge: Gauge<'outbox'>, value: (backlog: OutboxBacklog) => number) => {
      for (const { outbox, backlog } of backlogs) {
        const read = await backlog.get();
        if (read) gauge.set({ outbox }, value(read));
      }
    };
    const registers = [metrics.registry];
    new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox events committed but not yet published to Kafka, by outbox store (postgres, redis)',
      labelNames: ['outbox'] as const,
      registers,
      async collect() {
        await collect(this, (read) => read.entries);
      },
    });
    new Gauge({
      name: 'outbox_oldest_age_seconds',
      help: 'Age of the oldest unpublished outbox event, by outbox store (0 when that outbox is empty)',
      labelNames: ['outbox'] as const,
      registers,
      async collect() {
        await collect(this, (read) => read.oldestAgeSeconds);
      },
    });
  }
}
