import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type ConsumeOutcome = 'processed' | 'duplicate' | 'retried' | 'dead_lettered';

/** One registry per app (not prom-client's global one), so several apps can share a process. */
export class PlatformMetrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly kafkaProduced = new Counter({
    name: 'kafka_messages_produced_total',
    help: 'Messages published to Kafka by topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly kafkaConsumed = new Counter({
    name: 'kafka_messages_consumed_total',
    help: 'Messages consumed from Kafka by topic and outcome',
    labelNames: ['topic', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly redisStateRebuilds = new Counter({
    name: 'redis_state_rebuilds_total',
    help: 'Redis-held state rebuilt from its durable source, by component and cause (missing at start, lost while running)',
    labelNames: ['component', 'cause'] as const,
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  countProduced(topic: string, count = 1): void {
    this.kafkaProduced.inc({ topic }, count);
  }

  countConsumed(topic: string, outcome: ConsumeOutcome): void {
    this.kafkaConsumed.inc({ topic, outcome });
  }
}
