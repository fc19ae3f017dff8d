import type { Logger } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import type { ClientConfig } from 'pg';
import { Client } from 'pg';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import type { OutboxRow } from './outbox-batch';
import { sendOutboxRows } from './outbox-batch';
import { createIdempotentProducer } from './kafka-client';
import { LeaderLoop } from './leader-loop';

export interface OutboxRelayOptions {
  postgres: ClientConfig;
  kafka: Kafka;
  logger: Pick<Logger, 'log' | 'warn' | 'error'>;
  metrics?: PlatformMetrics;
  sweepIntervalMs: number;
  /** How long a standby waits before trying to become the relay again. */
  standbyRetryMs?: number;
  batchSize?: number;
}

const LOCK_NAME = 'rendezvous:outbox-relay';

interface RowRecord {
  seq: string;
  topic: string;
  message_key: string;
  envelope: string;
  headers: Record<string, string>;
}

/**
 * Publishes committed outbox rows to Kafka in commit order, then deletes them. One replica
 * holds a Postgres advisory lock and relays; the others stand by. Woken by NOTIFY on commit,
 * and sweeps on an interval. A crash between publish and delete republishes (consumers dedupe).
 */
export class OutboxRelay extends LeaderLoop {
  private isLeader = false;

  constructor(private readonly options: OutboxRelayOptions) {
    super('outbox relay', options.standbyRetryMs ?? 2_000, (...args) =>
      options.logger.warn(...args),
    );
  }

  get leader(): boolean {
    return this.isLeader;
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
      this.isLeader = true;
      client.on('notification', () => this.wakeUp());
      await client.query('LISTEN outbox');
      producer = createIdempotentProducer(this.options.kafka);
      await producer.connect();
      while (this.isRunning && !lost) {
        const published = await this.drainOnce(client, producer);
        if (published === 0) await this.sleep(this.options.sweepIntervalMs);
      }
      if (lost) throw lost;
      while ((await this.drainOnce(client, producer)) > 0);
    } finally {
      this.isLeader = false;
      await producer?.disconnect().catch(() => undefined);
      // Ending the session releases the advisory lock.
      await client.end().catch(() => undefined);
    }
  }

  private async drainOnce(client: Client, producer: Producer): Promise<number> {
    const { rows } = await client.query<RowRecord>(
      `SELECT seq::text AS seq, topic, message_key, envelope::text AS envelope, headers
       FROM outbox ORDER BY outbox.seq LIMIT $1`,
      [this.options.batchSize ?? 500],
    );
    if (rows.length === 0) return 0;
    const batch: OutboxRow[] = rows.map((row) => ({
      seq: row.seq,
      topic: row.topic,
      key: row.message_key,
      value: row.envelope,
      headers: row.headers,
    }));
    await sendOutboxRows(producer, batch, 'postgres', this.options.metrics);
    await client.query('DELETE FROM outbox WHERE seq = ANY($1::bigint[])', [
      batch.map((row) => row.seq),
    ]);
    return rows.length;
  }
}
