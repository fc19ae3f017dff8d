import { Injectable } from '@nestjs/common';
import { PlatformMetrics } from '@rendezvous/platform';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Paired } from './queue-store';
import { QueueStore } from './queue-store';

@Injectable()
export class QueueMetrics {
  private readonly timeToMatch: Histogram;
  private readonly outcomes: Counter<'outcome'>;

  constructor(metrics: PlatformMetrics, store: QueueStore) {
    const registers = [metrics.registry];
    this.timeToMatch = new Histogram({
      name: 'matching_queue_time_to_match_seconds',
      help: 'How long a ticket waited before it was paired',
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 20, 30, 60],
      registers,
    });
    this.outcomes = new Counter({
      name: 'matching_queue_confirmations_total',
      help: 'Answers to pairs and pairs that timed out',
      labelNames: ['outcome'],
      registers,
    });
    new Gauge({
      name: 'matching_queue_waiting_tickets',
      help: 'Tickets waiting, per topic:difficulty bucket',
      labelNames: ['bucket'],
      registers,
      async collect() {
        this.reset();
        for (const [bucket, count] of Object.entries(await store.waiting())) {
          this.set({ bucket }, count);
        }
      },
    });
  }

  paired(pairs: Paired[]): void {
    for (const pair of pairs) for (const ms of pair.waits) this.timeToMatch.observe(ms / 1000);
  }

  answered(outcome: 'accepted' | 'declined'): void {
    this.outcomes.inc({ outcome });
  }

  timedOut(count: number): void {
    if (count > 0) this.outcomes.inc({ outcome: 'timeout' }, count);
  }
}
