import { Injectable } from '@nestjs/common';
import { PlatformMetrics } from '@rendezvous/platform';
import { Counter, Gauge } from 'prom-client';
import { SessionStore } from './session-store';

export type EncounterOutcome =
  | 'unknown_token'
  | 'no_shared_interests'
  | 'hidden'
  | 'nudged'
  | 'already_nudged'
  | 'blocked'
  | 'ended';

@Injectable()
export class ProximityMetrics {
  private readonly encounters: Counter<'outcome'>;

  constructor(metrics: PlatformMetrics, store: SessionStore) {
    const registers = [metrics.registry];
    this.encounters = new Counter({
      name: 'proximity_encounters_total',
      help: 'Encounter reports by outcome',
      labelNames: ['outcome'],
      registers,
    });
    new Gauge({
      name: 'proximity_active_sessions',
      help: 'Live proximity sessions',
      registers,
      async collect() {
        this.set(await store.activeCount());
      },
    });
  }

  encounter(outcome: EncounterOutcome): void {
    this.encounters.inc({ outcome });
  }
}
