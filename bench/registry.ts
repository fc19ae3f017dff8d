// Every benchmark `npm run bench` runs, in order, with the sizes of a full run (about 7
// minutes in all on a 2-core machine) and of a smoke run (seconds each; part of the e2e tests).
// A new benchmark exports `(options, context) => Promise<BenchRow[]>` and gets a line here.
import { adminPortalReports } from './admin-portal-reports';
import { gatewayUsersMe } from './gateway-users-me';
import { learnedRanking } from './learned-ranking';
import { matchingDiscover } from './matching-discover';
import { outboxLatency } from './outbox-latency';
import { outboxSchemaCheck } from './outbox-schema-check';
import { planBooking } from './plan-booking';
import { proximityNudge } from './proximity-nudge';
import { PUSH_SIZES, pushAtRate } from './push-at-rate';
import { queuePairing } from './queue-pairing';
import { reco } from './reco';
import { CHURN_SIZES, socketChurn } from './socket-churn';
import type { Benchmark } from './support/benchmark';
import { benchmark } from './support/benchmark';
import { suspensionLatency } from './suspension-latency';
import { tracingOverhead } from './tracing-overhead';

const USER_SERVICE = 'http://127.0.0.1:3001';

export const BENCHMARKS: Benchmark[] = [
  benchmark('gateway', gatewayUsersMe, {
    full: { seconds: 15, connections: 20, userServiceUrl: USER_SERVICE },
    smoke: { seconds: 5, connections: 2, userServiceUrl: USER_SERVICE, requests: 40 },
  }),
  benchmark('proximity', proximityNudge, {
    full: { sessions: 10_000, pairs: 200, pairConcurrency: 1, encounters: 3000, concurrency: 20 },
    smoke: { sessions: 20, pairs: 2, pairConcurrency: 1, encounters: 20, concurrency: 4 },
  }),
  benchmark('queue', queuePairing, {
    full: { pairs: 1000, concurrency: 20 },
    smoke: { pairs: 4, concurrency: 2 },
  }),
  benchmark('plans', planBooking, {
    full: { plans: 100, concurrency: 5, people: 20 },
    smoke: { plans: 2, concurrency: 1, people: 2 },
  }),
  benchmark('suspension', suspensionLatency, {
    full: { suspensions: 60, concurrency: 4 },
    smoke: { suspensions: 2, concurrency: 1 },
  }),
  benchmark('portal', adminPortalReports, {
    full: { reports: 20 },
    smoke: { reports: 2 },
  }),
  benchmark('push', pushAtRate, PUSH_SIZES),
  benchmark('churn', socketChurn, CHURN_SIZES),
  benchmark('discover', matchingDiscover, {
    full: { small: 10_000, large: 100_000, seconds: 15, concurrency: 4 },
    smoke: { small: 200, large: 400, seconds: 0.5, concurrency: 2 },
  }),
  benchmark('ranking', learnedRanking, {
    full: { people: 400, viewers: 120, world: 100_000, seconds: 15, concurrency: 4 },
    smoke: { people: 48, viewers: 12, world: 200, seconds: 0.5, concurrency: 2 },
  }),
  benchmark('reco', reco, {
    full: { venues: 10_000, interactions: 100_000, people: 10_000, seconds: 8, concurrency: 8 },
    smoke: { venues: 200, interactions: 1000, people: 200, seconds: 0.5, concurrency: 2 },
  }),
  benchmark('outbox', outboxLatency, {
    full: { events: 2000, concurrency: 8, rate: 0 },
    smoke: { events: 50, concurrency: 4, rate: 0 },
  }),
  benchmark('outbox-schema', outboxSchemaCheck, {
    full: { events: 20_000, batch: 100 },
    smoke: { events: 2000, batch: 50 },
  }),
  benchmark('tracing', tracingOverhead, {
    full: { seconds: 6, rounds: 3, concurrency: 8 },
    smoke: { seconds: 0.5, rounds: 1, concurrency: 2 },
  }),
];
