import { JOB_LEVELS, MATCHING_ERRORS, TOPICS, locationCell } from '@rendezvous/contracts';
import type { JobLevel } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import { seededRandom } from '@rendezvous/platform';
import { anEnvelope, collectMessages, testKafka, waitFor } from '@rendezvous/testing';
import { DiscoveryService } from '../src/discovery/discovery.service';
import { ImpressionRecorder } from '../src/ranking/impression-recorder';
import { ImpressionsRepository } from '../src/ranking/impressions.repository';
import { RankingState } from '../src/ranking/ranking-state';
import type { RankingModelItem, RankingModels } from '../src/ranking/models.shapes';
import { SwipesService } from '../src/swipes/swipes.service';
import type { MatchingTestApp } from './matching-test-app';
import { startMatchingApp } from './matching-test-app';

const MODELS = '/admin/matching/models';
const INTERESTS = ['ai', 'jazz', 'chess', 'hiking', 'design', 'wine', 'books', 'film'];
const INDUSTRIES = ['software', 'fintech', 'media', 'retail'];
// Everyone viewing has a level above them (founder is the top).
const VIEWER_LEVELS = JOB_LEVELS.slice(0, -1);

/** How a simulated viewer decides on a person discovery showed them; `null` ignores them. */
type Chooser = (viewer: JobLevel, shown: { level: JobLevel; score: number }) => boolean | null;

/** People strongly prefer someone exactly one job level above their own: no rule score sees it. */
const oneLevelUp =
  (random: () => number): Chooser =>
  (viewer, shown) => {
    if (random() < 0.15) return null;
    const up = JOB_LEVELS.indexOf(shown.level) === JOB_LEVELS.indexOf(viewer) + 1;
    return random() < (up ? 0.8 : 0.08);
  };

/** No hidden preference: people like what the rule-based score rates, with noise. */
const followsRuleScore =
  (random: () => number): Chooser =>
  (_viewer, shown) => {
    if (random() < 0.15) return null;
    return random() < Math.min(0.95, Math.max(0.02, (shown.score - 0.15) * 2.2));
  };

interface World {
  t: MatchingTestApp;
  spot: { lat: number; lng: number; city: null };
  levels: Map<string, JobLevel>;
}

async function aPerson(world: World, random: () => number, level: JobLevel): Promise<string> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const state = await world.t.person({
    profile: {
      location: world.spot,
      jobLevel: level,
      industry: pick(INDUSTRIES),
      interests: [pick(INTERESTS), pick(INTERESTS)],
    },
    lastActiveAt: new Date(Date.now() - random() * 20 * 86_400_000).toISOString(),
  });
  world.levels.set(state.userId, level);
  return state.userId;
}

/**
 * A population in one place; viewers in turn ask discovery for everyone and swipe on what they
 * are shown as `choose` says. Viewers later in the run are the ones the time split holds out.
 */
async function simulate(world: World, choose: Chooser, seed: number): Promise<string[]> {
  const random = seededRandom(seed);
  const viewers: string[] = [];
  for (let i = 0; i < 40; i += 1) await aPerson(world, random, JOB_LEVELS[i % JOB_LEVELS.length]);
  for (let i = 0; i < 30; i += 1) {
    viewers.push(await aPerson(world, random, VIEWER_LEVELS[i % VIEWER_LEVELS.length]));
  }
  const discovery = world.t.app.get(DiscoveryService);
  const swipes = world.t.app.get(SwipesService);
  for (const viewer of viewers) {
    const { items } = await discovery.discover(viewer, 100);
    for (const item of items) {
      const level = world.levels.get(item.userId);
      const viewerLevel = world.levels.get(viewer);
      if (!level || !viewerLevel) continue;
      const liked = choose(viewerLevel, { level, score: item.score });
      if (liked === null) continue;
      await swipes.swipe(viewer, item.userId, liked ? 'like' : 'pass');
    }
  }
  await world.t.app.get(ImpressionRecorder).flush();
  await world.t.app.get(RankingState).reloadSignals();
  return viewers;
}

async function trained(t: MatchingTestApp, token: string): Promise<RankingModelItem> {
  const started = await t.request<{ version: number; status: string }>('POST', `${MODELS}/train`, {
    token,
  });
  expect(started.status).toBe(202);
  expect(started.body).toEqual({ version: expect.any(Number), status: 'training' });
  return waitFor(
    async () => {
      const list = await t.request<RankingModels>('GET', MODELS, { token });
      const model = list.body.items.find((item) => item.version === started.body.version);
      return model && model.status !== 'training' ? model : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 200, message: 'the model to finish training' },
  );
}

async function anAdmin(t: MatchingTestApp): Promise<{ id: string; token: string }> {
  const admin = await t.person();
  await t.setStanding(admin.userId, 1, { role: 'admin' });
  return { id: admin.userId, token: await t.token(admin.userId, 'admin') };
}

const SETTINGS = {
  MATCHING_MODEL_TRAIN_EVERY_HOURS: '0',
  MATCHING_MODEL_IGNORED_AFTER_SECONDS: '0',
  MATCHING_MODEL_MIN_AUC_GAIN: '0.05',
  MATCHING_MODEL_MIN_SWIPES: '10',
};

describe('learned ranking, people who prefer one job level up', () => {
  let world: World;
  let admin: { id: string; token: string };
  let audit: KafkaCollector;
  let viewers: string[];
  let model: RankingModelItem;

  beforeAll(async () => {
    const t = await startMatchingApp(SETTINGS);
    world = {
      t,
      spot: { ...locationCell({ lat: 45.76, lng: 4.84 }), city: null },
      levels: new Map(),
    };
    audit = await collectMessages(testKafka(), [TOPICS.AUDIT_RECORDED]);
    admin = await anAdmin(t);
    viewers = await simulate(world, oneLevelUp(seededRandom(11)), 5);
    model = await trained(t, admin.token);
  });

  afterAll(async () => {
    await audit.stop();
    await world.t.close();
  });

  it('beats the rule-based score on the held-out newest viewers and starts ranking', () => {
    expect(model.status).toBe('ready');
    expect(model.trainingExamples).toBeGreaterThan(1000);
    expect(model.validationExamples).toBeGreaterThan(200);
    expect(model.metrics?.auc).toBeGreaterThan((model.baseline?.auc ?? 1) + 0.1);
    expect(model.metrics?.precisionAt10).toBeGreaterThan(model.baseline?.precisionAt10 ?? 1);
    expect(model.eligible).toBe(true);
    expect(model.active).toBe(true);
  });

  it('lists the model with its metrics beside the baseline’s, and which ranks', async () => {
    const { body } = await world.t.request<RankingModels>('GET', MODELS, { token: admin.token });
    expect(body.active).toBe(model.version);
    expect(body.minAucGain).toBe(0.05);
    expect(body.items[0]).toMatchObject({
      version: model.version,
      trigger: 'admin',
      requestedBy: admin.id,
      features: expect.arrayContaining(['rule_score', 'job_level_gap_up1']),
    });
  });

  it('ranks new people for a viewer who swiped enough by the model: one level up first', async () => {
    const random = seededRandom(23);
    const viewer = viewers[0];
    const viewerLevel = world.levels.get(viewer) ?? 'entry';
    const up = JOB_LEVELS[JOB_LEVELS.indexOf(viewerLevel) + 1];
    const same = await Promise.all([1, 2, 3].map(() => aPerson(world, random, viewerLevel)));
    const above = await Promise.all([1, 2, 3].map(() => aPerson(world, random, up)));
    const fresh = new Set([...same, ...above]);
    const shown = (await world.t.app.get(DiscoveryService).discover(viewer, 100)).items;
    expect(shown.every((item) => item.model?.version === model.version)).toBe(true);
    const scores = shown.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Among the new people (all newcomers alike), the three one level up come first.
    const items = shown.filter((item) => fresh.has(item.userId));
    expect(items).toHaveLength(6);
    expect(new Set(items.slice(0, 3).map((item) => item.userId))).toEqual(new Set(above));
    expect(items[0].factors).toEqual(expect.objectContaining({ profile: expect.any(Number) }));
  });

  it('keeps the rule-based order for a newcomer who has not swiped enough (cold start)', async () => {
    const newcomer = await aPerson(world, seededRandom(31), 'mid');
    const { items } = await world.t.app.get(DiscoveryService).discover(newcomer, 20);
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((item) => item.model)).toBe(false);
  });

  it('refuses anyone but an admin, whatever the route', async () => {
    const person = await world.t.person();
    const token = await world.t.token(person.userId);
    for (const [method, path] of [
      ['GET', MODELS],
      ['POST', `${MODELS}/train`],
      ['POST', `${MODELS}/${model.version}/activate`],
      ['POST', `${MODELS}/rule-based/activate`],
    ] as const) {
      const response = await world.t.request(method, path, { token });
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
    }
  });

  it('answers 404 for an unknown version and 400 naming the field for a malformed one', async () => {
    const unknown = await world.t.request('POST', `${MODELS}/99999/activate`, {
      token: admin.token,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(MATCHING_ERRORS.MODEL_NOT_FOUND);
    const malformed = await world.t.request('POST', `${MODELS}/abc/activate`, {
      token: admin.token,
    });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('version');
  });

  it('hands ranking back to the rule-based score and takes the model again, audited', async () => {
    const back = await world.t.request('POST', `${MODELS}/rule-based/activate`, {
      token: admin.token,
    });
    expect(back.body).toEqual({ active: 'rule-based' });
    const viewer = viewers[1];
    await aPerson(world, seededRandom(41), 'lead');
    const ruled = await world.t.app.get(DiscoveryService).discover(viewer, 20);
    expect(ruled.items.some((item) => item.model)).toBe(false);
    const again = await world.t.request('POST', `${MODELS}/${model.version}/activate`, {
      token: admin.token,
    });
    expect(again.body).toEqual({ active: model.version });
    const actions = await waitFor(
      () => {
        const mine = audit
          .envelopes(TOPICS.AUDIT_RECORDED)
          .map((envelope) => envelope.data)
          .filter((data) => data.actorId === admin.id);
        return mine.length >= 4 ? mine : undefined;
      },
      { timeoutMs: 20_000, message: 'the audit events' },
    );
    expect(actions.map((data) => [data.action, data.objectId])).toEqual([
      ['model.trained', `ranking-model:${model.version}`],
      ['model.activated', `ranking-model:${model.version}`],
      ['model.activated', 'ranking-model:rule-based'],
      ['model.activated', `ranking-model:${model.version}`],
    ]);
  });

  it('keeps impressions as personal data: in the export, gone with a deletion', async () => {
    const viewer = viewers[2];
    const count = async (id: string) =>
      (
        (await world.t.db.query(
          'SELECT count(*)::int AS n FROM ranking_impressions WHERE viewer_id = $1 OR candidate_id = $1',
          [id],
        )) as { n: number }[]
      )[0].n;
    expect(await count(viewer)).toBeGreaterThan(0);
    // The export's part: whom discovery showed them, with rank, score and factors.
    const shown = await world.t.app.get(ImpressionsRepository).shownTo(world.t.db.manager, viewer);
    expect(shown.length).toBeGreaterThan(30);
    expect(shown[0]).toEqual({
      userId: expect.any(String),
      shownAt: expect.any(String),
      rank: 1,
      score: expect.any(Number),
      factors: expect.objectContaining({ interests: expect.any(Number) }),
      modelVersion: null,
    });
    await world.t.deliver(
      anEnvelope(
        TOPICS.USER_DELETED,
        { userId: viewer, deletedAt: new Date().toISOString() },
        { aggregateId: viewer, version: 5 },
      ),
    );
    expect(await count(viewer)).toBe(0);
  });
});

describe('learned ranking, people who like what the rule-based score rates', () => {
  let world: World;
  let admin: { id: string; token: string };
  let model: RankingModelItem;

  beforeAll(async () => {
    const t = await startMatchingApp(SETTINGS);
    world = {
      t,
      spot: { ...locationCell({ lat: 50.85, lng: 4.35 }), city: null },
      levels: new Map(),
    };
    admin = await anAdmin(t);
    await simulate(world, followsRuleScore(seededRandom(13)), 7);
    model = await trained(t, admin.token);
  });

  afterAll(() => world.t.close());

  it('trains a model that does not clear the margin, so the rule-based score keeps ranking', async () => {
    expect(model.status).toBe('ready');
    expect(model.eligible).toBe(false);
    expect(model.active).toBe(false);
    const { body } = await world.t.request<RankingModels>('GET', MODELS, { token: admin.token });
    expect(body.active).toBe('rule-based');
  });

  it('refuses to activate it: 409', async () => {
    const response = await world.t.request('POST', `${MODELS}/${model.version}/activate`, {
      token: admin.token,
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe(MATCHING_ERRORS.MODEL_NOT_ELIGIBLE);
  });
});
