import type { Admin, Kafka } from 'kafkajs';
import { CachedRead } from './cached-read';
import type { PlatformMetrics } from './platform-metrics';

export interface PartitionEnd {
  partition: number;
  high: string;
  low: string;
}

export interface CommittedOffset {
  partition: number;
  /** `-1` while the group has committed nothing on the partition. */
  offset: string;
}

/**
 * Messages the group has yet to consume on one topic: the sum over partitions of the log end
 * minus the committed offset (minus the log start when nothing is committed yet).
 */
export function topicLag(ends: PartitionEnd[], committed: CommittedOffset[]): number {
  const byPartition = new Map(committed.map((c) => [c.partition, Number(c.offset)]));
  let lag = 0;
  for (const end of ends) {
    const offset = byPartition.get(end.partition) ?? -1;
    const from = offset < 0 ? Number(end.low) : offset;
    lag += Math.max(0, Number(end.high) - from);
  }
  return lag;
}

export interface ConsumerLagOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  metrics: PlatformMetrics;
  onError: (error: unknown) => void;
  /** How often the broker is asked at most; scrapes in between get the cached figures. */
  refreshMs?: number;
}

/** Feeds `kafka_consumer_lag{group,topic}` from the broker's offsets, read at scrape time. */
export class ConsumerLagReader {
  private admin?: Admin;
  private readonly cached: CachedRead<Map<string, number>>;
  private readonly removeSource: () => void;

  constructor(private readonly options: ConsumerLagOptions) {
    this.cached = new CachedRead(() => this.readLag(), {
      maxAgeMs: options.refreshMs ?? 15_000,
      waitMs: 2_000,
      onError: options.onError,
    });
    this.removeSource = options.metrics.addConsumerLagSource(async () => {
      const lag = await this.cached.get();
      return { group: options.groupId, lag: lag ?? new Map<string, number>() };
    });
  }

  async close(): Promise<void> {
    this.removeSource();
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect();
  }

  private async readLag(): Promise<Map<string, number>> {
    if (!this.admin) {
      const admin = this.options.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    const { groupId, topics } = this.options;
    const committed = await this.admin.fetchOffsets({ groupId, topics });
    const lag = new Map<string, number>();
    for (const topic of topics) {
      const ends = await this.admin.fetchTopicOffsets(topic);
      const offsets = committed.find((c) => c.topic === topic)?.partitions ?? [];
      lag.set(topic, topicLag(ends, offsets));
    }
    return lag;
  }
}
