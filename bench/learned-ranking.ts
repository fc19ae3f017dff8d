// The learned ranking against the rule-based score, end to end through the built matching
// service: a synthetic population in one city, simulated viewers who ask discovery and swipe
// on what they are shown, a model trained through the admin route, its validation figures
// beside the rule-based score's, and discovery's latency with the model ranking. Two
// populations: one with a planted preference the rule-based score cannot see (people like
// someone exactly one job level above their own), and one without (people like what the
// rule-based score rates, with noise), where the model must not be activated.
// Usage: npm run bench:ranking -- [people=400] [viewers=120] [world=100000] [seconds=15] [concurrency=4]
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { LatLng } from '@rendezvous/contracts';
import { JOB_LEVELS, locationCell } from '@rendezvous/contracts';
import type { TokenIssuer } from '@rendezvous/testing';
import { seededRandom } from '@rendezvous/platform';
import { startTokenIssuer, testInfra, waitFor } from '@rendezvous/testing';
import type { BenchRow, Log } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import type { BuiltService } from './support/built-service';
import { startBuiltService } from './support/built-service';
import type { Figures } from './support/closed-loop';
import { figuresRow, formatFigures, measureClosedLoop } from './support/closed-loop';
import { numberArg, runFromCli } from './support/cli';
import { seed } from './matching-discover';

export interface LearnedRankingOptions {
  /** People in the simulated city, viewers among them. */
  people: number;
  /** Simulated viewers; the newest fifth of what they were shown is held out. */
  viewers: number;
  /** People added around the world before discovery's latency is measured (0: not measured). */
  world: number;
  seconds: number;
  concurrency: number;
}

const PORT = 3904;
const API = `http://127.0.0.1:${PORT}/api/v1`;
const CITY: LatLng = { lat: 51.507, lng: -0.128 };
const INTERESTS = ['ai', 'jazz', 'chess', 'hiking', 'design', 'wine', 'books', 'film', 'yoga'];
const INDUSTRIES = ['software', 'fintech', 'media', 'retail', 'healthcare', 'education'];
const PAGE = 50;

type Level = (typeof JOB_LEVELS)[number];
interface Shown {
  userId: string;
  score: number;
}
/** Whether a viewer likes someone shown (`null`: ignores them, no swipe). */
type Chooser = (viewer: Level, shown: Level, item: Shown) => boolean | null;

interface Scenario {
  name: 'planted' | 'unplanted';
  choose: (random: () => number) => Chooser;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'planted',
    choose: (random) => (viewer, shown) => {
      if (random() < 0.15) return null;
      const up = JOB_LEVELS.indexOf(shown) === JOB_LEVELS.indexOf(viewer) + 1;
      return random() < (up ? 0.75 : 0.08);
    },
  },
  {
    name: 'unplanted',
    choose: (random) => (_viewer, _shown, item) => {
      if (random() < 0.15) return null;
      return random() < Math.min(0.95, Math.max(0.02, (item.score - 0.15) * 2.2));
    },
  },
];

interface Metrics {
  auc: number | null;
  precisionAt10: number | null;
}
interface ModelItem {
  version: number;
  status: string;
  active: boolean;
  eligible: boolean;
  trainingExamples: number | null;
  validationExamples: number | null;
  trainingMs: number | null;
  metrics: Metrics | null;
  baseline: Metrics | null;
  error: string | null;
}

async function call<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The simulated city: job levels evenly spread, a few interests and industries each. */
async function seedCity(client: Client, count: number, random: () => number) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const levels = new Map<string, Level>();
  const rows = Array.from({ length: count }, (_, i) => {
    const id = randomUUID();
    const level = JOB_LEVELS[i % JOB_LEVELS.length];
    levels.set(id, level);
    const at = { lat: CITY.lat + (random() - 0.5) * 0.2, lng: CITY.lng + (random() - 0.5) * 0.3 };
    const cell = locationCell(at);
    return {
      id,
      level,
      industry: pick(INDUSTRIES),
      interests: JSON.stringify([...new Set([pick(INTERESTS), pick(INTERESTS), pick(INTERESTS)])]),
      position: `(${at.lng},${at.lat})`,
      cell: `(${cell.lng},${cell.lat})`,
      lastActive: new Date(Date.now() - random() * 30 * 86_400_000).toISOString(),
    };
  });
  await client.query(
    `INSERT INTO profiles (user_id, version, name, industry, job_level, interests, position, cell,
       city, last_active_at)
     SELECT u.id, 1, 'Ranking Bench Person', u.industry, u.level,
       translate(u.interests, '[]', '{}')::text[], u.position::point, u.cell::point, 'London',
       u.last_active::timestamptz
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
       $7::text[]) AS u(id, level, industry, interests, position, cell, last_active)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.level),
      rows.map((r) => r.industry),
      rows.map((r) => r.interests),
      rows.map((r) => r.position),
      rows.map((r) => r.cell),
      rows.map((r) => r.lastActive),
    ],
  );
  return levels;
}

async function seedAdmin(client: Client): Promise<string> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO account_status (user_id, status, role, hidden, version)
     VALUES ($1, 'active', 'admin', false, 1)`,
    [id],
  );
  return id;
}

/** Each viewer, in turn (a few at once), asks discovery for a page and swipes as `choose` says. */
async function simulate(
  viewers: string[],
  levels: Map<string, Level>,
  choose: Chooser,
  issuer: TokenIssuer,
  concurrency: number,
): Promise<{ shown: number; swipes: number }> {
  let next = 0;
  let shown = 0;
  let swipes = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < viewers.length) {
        const viewer = viewers[next++];
        const token = await issuer.sign(viewer);
        const page = await call<{ items: Shown[] }>(
          'GET',
          `/matching/discover?limit=${PAGE}`,
          token,
        );
        shown += page.items.length;
        for (const item of page.items) {
          const level = levels.get(item.userId);
          const viewerLevel = levels.get(viewer);
          if (!level || !viewerLevel) continue;
          const liked = choose(viewerLevel, level, item);
          if (liked === null) continue;
          await call('POST', '/matching/swipes', token, {
            targetUserId: item.userId,
            action: liked ? 'like' : 'pass',
          });
          swipes += 1;
        }
      }
    }),
  );
  return { shown, swipes };
}

async function train(adminToken: string): Promise<ModelItem> {
  const { version } = await call<{ version: number }>(
    'POST',
    '/admin/matching/models/train',
    adminToken,
  );
  return waitFor(
    async () => {
      const { items } = await call<{ items: ModelItem[] }>(
        'GET',
        '/admin/matching/models',
        adminToken,
      );
      const model = items.find((item) => item.version === version);
      return model && model.status !== 'training' ? model : undefined;
    },
    { timeoutMs: 600_000, intervalMs: 250, message: `model ${version} to finish training` },
  );
}

const figure = (value: number | null | undefined) =>
  value === null || value === undefined ? '-' : value.toFixed(3);

function table(results: { scenario: string; model: ModelItem }[], log: Log): void {
  log(
    '| population | ranking | AUC | precision@10 | training set | validation set | training time | activated |',
  );
  log('|---|---|---|---|---|---|---|---|');
  for (const { scenario, model } of results) {
    const sizes = `${model.trainingExamples ?? '-'} | ${model.validationExamples ?? '-'}`;
    log(
      `| ${scenario} | rule-based | ${figure(model.baseline?.auc)} | ${figure(model.baseline?.precisionAt10)} | ${sizes} | - | - |`,
    );
    log(
      `| ${scenario} | model v${model.version} | ${figure(model.metrics?.auc)} | ${figure(model.metrics?.precisionAt10)} | ${sizes} | ${model.trainingMs ?? '-'} ms | ${model.active ? 'yes' : 'no'} |`,
    );
  }
}

/** Each figure the mean of the runs' (percentiles of equal-length runs, roughly). */
function meanFigures(runs: Figures[]): Figures {
  const mean = (pick: (f: Figures) => number) =>
    runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return {
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    rps: mean((f) => f.rps),
    p50: mean((f) => f.p50),
    p95: mean((f) => f.p95),
    p99: mean((f) => f.p99),
    meanItems: mean((f) => f.meanItems),
  };
}

/** Discovery for the simulated viewers, with the model ranking and with the rule-based score. */
async function latency(
  service: BuiltService,
  options: LearnedRankingOptions,
  ranking: { viewers: string[]; version: number; issuer: TokenIssuer; adminToken: string },
  log: Log,
): Promise<BenchRow[]> {
  const { viewers, version, issuer, adminToken } = ranking;
  const client = new Client({ ...testInfra.postgres, database: service.database });
  await client.connect();
  try {
    const t0 = Date.now();
    await seed(client, options.world, []);
    log(
      `added ${options.world} people around the world in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.end();
  }
  const tokenFor = () => issuer.sign(viewers[Math.floor(Math.random() * viewers.length)]);
  const measure = (seconds: number) =>
    measureClosedLoop({
      url: () => `${API}/matching/discover?limit=20`,
      tokenFor,
      seconds,
      concurrency: options.concurrency,
    });
  const use = async (ranker: number | 'rule-based') => {
    await call('POST', `/admin/matching/models/${ranker}/activate`, adminToken);
    // Until the viewers' swipe counts are read, the model does not rank for them (cold start).
    await waitFor(
      async () => {
        const page = await call<{ items: { model?: unknown }[] }>(
          'GET',
          '/matching/discover?limit=5',
          await issuer.sign(viewers[0]),
        );
        return (
          page.items.length > 0 &&
          page.items.every((item) => !!item.model === (ranker !== 'rule-based'))
        );
      },
      { timeoutMs: 30_000, message: `discovery ranked by ${ranker}` },
    );
    await measure(Math.min(3, options.seconds));
    return measure(options.seconds);
  };
  // Model, rule-based, rule-based, model: neither goes first on a warmer cache alone.
  const learnedRuns = [await use(version)];
  const ruledRuns = [await use('rule-based'), await use('rule-based')];
  learnedRuns.push(await use(version));
  const learned = meanFigures(learnedRuns);
  const ruled = meanFigures(ruledRuns);
  const load = `${options.concurrency} clients, 2 x ${options.seconds} s, ${options.world} people more`;
  log(formatFigures('model ranking', 18, learned));
  log(formatFigures('rule-based', 18, ruled));
  log(
    `p95 with the model ranking: ${(learned.p95 - ruled.p95).toFixed(1)} ms more than rule-based`,
  );
  const ruledRow = figuresRow(
    'GET /matching/discover, rule-based (simulated viewers)',
    load,
    ruled,
  );
  return [
    ruledRow,
    {
      ...figuresRow(
        'GET /matching/discover, learned model ranking (simulated viewers)',
        load,
        learned,
      ),
      baseline: { path: ruledRow.path, of: 'p95' },
    },
  ];
}

export async function learnedRanking(
  options: LearnedRankingOptions,
  { log }: BenchContext,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const results: { scenario: string; model: ModelItem }[] = [];
  for (const scenario of SCENARIOS) {
    const issuer = await startTokenIssuer();
    const service = await startBuiltService('matching', PORT, {
      JWKS_URL: issuer.jwksUrl,
      MATCHING_MODEL_TRAIN_EVERY_HOURS: '0',
      MATCHING_MODEL_IGNORED_AFTER_SECONDS: '0',
      MATCHING_IMPRESSIONS_FLUSH_MS: '200',
      MATCHING_RANKING_SIGNALS_SECONDS: '2',
    });
    try {
      const random = seededRandom(scenario.name === 'planted' ? 1 : 2);
      const client = new Client({ ...testInfra.postgres, database: service.database });
      await client.connect();
      const levels = await seedCity(client, options.people, random);
      const adminToken = await issuer.sign(await seedAdmin(client), 'admin');
      // Viewers from entry to executive: each has a level above them.
      const viewers = [...levels.keys()]
        .filter((id) => levels.get(id) !== 'founder')
        .slice(0, options.viewers);
      const t0 = Date.now();
      const { shown, swipes } = await simulate(
        viewers,
        levels,
        scenario.choose(random),
        issuer,
        options.concurrency,
      );
      log(
        `${scenario.name}: ${viewers.length} viewers were shown ${shown} people and swiped ${swipes} times in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
      await waitFor(
        async () => {
          const { rows: counted } = await client.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM ranking_impressions',
          );
          return counted[0].n >= shown;
        },
        { timeoutMs: 60_000, message: 'the impressions to be written' },
      );
      await client.end();
      const model = await train(adminToken);
      if (model.status !== 'ready')
        throw new Error(`${scenario.name}: training failed: ${model.error}`);
      results.push({ scenario: scenario.name, model });
      rows.push({
        path: `train a ranking model, ${scenario.name} preference`,
        load: `${model.trainingExamples} training + ${model.validationExamples} validation examples`,
        p50: model.trainingMs,
        p95: model.trainingMs,
        p99: model.trainingMs,
        throughput: null,
        unit: 'ms',
        errors: 0,
        note:
          `AUC ${figure(model.metrics?.auc)} vs rule-based ${figure(model.baseline?.auc)}, ` +
          `p@10 ${figure(model.metrics?.precisionAt10)} vs ${figure(model.baseline?.precisionAt10)}; ` +
          (model.active ? 'activated' : 'not activated'),
      });
      if (scenario.name === 'planted' && options.world > 0 && model.active) {
        rows.push(
          ...(await latency(
            service,
            options,
            { viewers, version: model.version, issuer, adminToken },
            log,
          )),
        );
      }
    } finally {
      await service.stop();
      issuer.close();
    }
  }
  table(results, log);
  return rows;
}

if (require.main === module) {
  runFromCli((context) =>
    learnedRanking(
      {
        people: numberArg(0, 400),
        viewers: numberArg(1, 120),
        world: numberArg(2, 100_000),
        seconds: numberArg(3, 15),
        concurrency: numberArg(4, 4),
      },
      context,
    ),
  );
}
