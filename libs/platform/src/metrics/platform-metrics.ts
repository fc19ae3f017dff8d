import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ConsumerLag {
  group: string;
  /** Messages not yet consumed, by topic. */
  lag: Map<string, number>;
}

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

  private readonly lagSources = new Set<() => Promise<ConsumerLag>>();

  readonly kafkaConsumerLag = new Gauge({
    name: 'kafka_consumer_lag',
    help: 'Messages on a topic the consumer group has not consumed yet (log end minus committed offset, summed over partitions)',
    labelNames: ['group', 'topic'] as const,
    registers: [this.registry],
    collect: async () => {
      const readings = await Promise.all([...this.lagSources].map((source) => source()));
      this.kafkaConsumerLag.reset();
      for (const { group, lag } of readings) {
        for (const [topic, value] of lag) this.kafkaConsumerLag.set({ group, topic }, value);
      }
    },
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  countProduced(topic: string, count = 1): void {
    this.kafkaProduced.inc({ topic }, count);
  }

  /** Registers a reader of a consumer group's lag, asked at scrape time; returns its removal. */
  addConsumerLagSource(source: () => Promise<ConsumerLag>): () => void {
    this.lagSources.add(source);
    return () => this.lagSources.delete(source);
  }

  countConsumed(topic: string, outcome: ConsumeOutcome): void {
    this.kafkaConsumed.inc({ topic, outcome });
  }
}
