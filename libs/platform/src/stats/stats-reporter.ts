import type { Logger } from '@nestjs/common';
import type { StatsReporter as StatsReporterName, TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import type { Kafka, Producer } from 'kafkajs';
import type { ClientConfig } from 'pg';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { buildEnvelope, eventHeaders, publishableJson } from '../kafka/event-factory';
import { createIdempotentProducer } from '../kafka/kafka-client';
import { LeaderLoop } from '../kafka/leader-loop';
import { reportWindowStart } from './stats-days';
import type { StatsSource } from './stats-source';

export interface StatsReporterOptions {
  service: StatsReporterName;
  source: StatsSource;
  dataSource: DataSource;
  /** A connection of its own holds the leader lock. */
  postgres: ClientConfig;
  kafka: Kafka;
  intervalMs: number;
  logger: Pick<Logger, 'log' | 'warn' | 'error'>;
  standbyRetryMs?: number;
}

const LOCK_NAME = 'rendezvous:stats-reporter';

/**
 * Publishes the service's `stats.reported` at start and every interval, from one replica (a
 * Postgres advisory lock; the others stand by). Sent straight to Kafka, not through the outbox:
 * a report changes no state, the next one supersedes it (the topic is compacted, the gateway
 * keeps the newest `asOf`), and one lost on the way is only a report sent again an interval later.
 */
export class StatsReporter extends LeaderLoop {
  constructor(private readonly options: StatsReporterOptions) {
    super('stats reporter', options.standbyRetryMs ?? 5_000, (...args) =>
      options.logger.warn(...args),
    );
  }

  /** Reports only with an interval; with none (0) `snapshot()` still answers. */
  override start(): void {
    if (this.options.intervalMs > 0) super.start();
  }

  /**
   * The figures as of one instant. `asOf` is the clock read by the transaction's first statement,
   * after its REPEATABLE READ snapshot was taken (`now()` is the earlier start of the
   * transaction): every change committed before the snapshot had its event's `occurredAt` stamped
   * before it, so an event after `asOf` is never in the figures.
   */
  async snapshot(): Promise<TopicEnvelope<'stats.reported'>> {
    const report = await this.options.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const [{ as_of: asOf }] = (await tx.query('SELECT clock_timestamp() AS as_of')) as [
        { as_of: Date },
      ];
      const figures = await this.options.source.read(tx, reportWindowStart(asOf));
      return { asOf, ...figures };
    });
    return buildEnvelope(
      this.options.service,
      {
        type: TOPICS.STATS_REPORTED,
        aggregateId: this.options.service,
        aggregateVersion: report.asOf.getTime(),
        data: {
          service: this.options.service,
          asOf: report.asOf.toISOString(),
          totals: report.totals,
          days: report.days,
        },
      },
      report.asOf,
    );
  }

  protected async lead(): Promise<void> {
    const client = new Client(this.options.postgres);
    let lost: unknown;
    client.on('error', (error) => {
      lost = error;
      this.wakeUp();
    });
    await client.connect();
    let producer: Producer | undefined;
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [LOCK_NAME],
      );
      if (!rows[0]?.locked) return;
      producer = createIdempotentProducer(this.options.kafka);
      await producer.connect();
      while (this.isRunning && !lost) {
        await this.publish(producer);
        await this.sleep(this.options.intervalMs);
      }
      if (lost) throw lost;
    } finally {
      await producer?.disconnect().catch(() => undefined);
      // Ending the session releases the advisory lock.
      await client.end().catch(() => undefined);
    }
  }

  private async publish(producer: Producer): Promise<void> {
    try {
      const envelope = await this.snapshot();
      await producer.send({
        topic: envelope.type,
        messages: [
          {
            key: envelope.aggregateId,
            value: publishableJson(envelope),
            headers: eventHeaders(envelope),
          },
        ],
      });
    } catch (error) {
      // The next interval reports again; keeping the lead spares the standbys a takeover.
      this.options.logger.warn(
        { err: error },
        'stats report failed; reporting at the next interval',
      );
    }
  }
}
