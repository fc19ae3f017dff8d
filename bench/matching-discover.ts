// Latency and throughput of GET /matching/discover on a synthetic population, at two sizes.
// Seeds people straight into a fresh copy of the matching service's store, boots the built
// matching service on it (its own consumer group and a bench JWKS), then runs closed-loop
// clients that ask discovery for random people.
// Usage: npm run bench:discover -- [small=10000] [large=100000] [seconds=20] [concurrency=8]
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { testInfra } from '@rendezvous/testing';
import type { LatLng } from '@rendezvous/contracts';
import { locationCell } from '@rendezvous/contracts';
import type { BenchRow } from './support/bench-row';
import { latencyFigures } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { startBuiltService } from './support/built-service';
import type { Figures } from './support/closed-loop';
import { figuresRow, formatFigures, measureClosedLoop } from './support/closed-loop';
import { numberArg, runFromCli } from './support/cli';

export interface MatchingDiscoverOptions {
  /** People at the first size, then at the second. */
  small: number;
  large: number;
  /** Measured per size, after a warm-up of up to 3 s. */
  seconds: number;
  concurrency: number;
}

const PORT = 3903;

// A world that looks like a real user base: a few big cities, a long tail of small ones.
const CITIES: [string, number, number][] = [
  ['London', 51.507, -0.128],
  ['Paris', 48.857, 2.352],
  ['Berlin', 52.52, 13.405],
  ['Madrid', 40.417, -3.704],
  ['Rome', 41.903, 12.496],
  ['Amsterdam', 52.368, 4.904],
  ['Stockholm', 59.329, 18.069],
  ['Warsaw', 52.23, 21.012],
  ['Lisbon', 38.722, -9.139],
  ['Dublin', 53.35, -6.26],
  ['New York', 40.713, -74.006],
  ['San Francisco', 37.775, -122.419],
  ['Chicago', 41.878, -87.63],
  ['Austin', 30.267, -97.743],
  ['Toronto', 43.653, -79.383],
  ['Mexico City', 19.433, -99.133],
  ['Sao Paulo', -23.551, -46.633],
  ['Buenos Aires', -34.604, -58.382],
  ['Lagos', 6.524, 3.379],
  ['Nairobi', -1.292, 36.822],
  ['Cairo', 30.044, 31.236],
  ['Dubai', 25.205, 55.271],
  ['Mumbai', 19.076, 72.878],
  ['Bangalore', 12.972, 77.595],
  ['Singapore', 1.352, 103.82],
  ['Tokyo', 35.676, 139.65],
  ['Seoul', 37.567, 126.978],
  ['Sydney', -33.869, 151.209],
  ['Auckland', -36.849, 174.763],
  ['Jakarta', -6.208, 106.846],
];
const INTERESTS = [
  'ai',
  'machine learning',
  'startups',
  'design',
  'photography',
  'hiking',
  'running',
  'jazz',
  'techno',
  'cooking',
  'wine',
  'coffee',
  'chess',
  'board games',
  'climbing',
  'yoga',
  'travel',
  'books',
  'philosophy',
  'film',
  'football',
  'tennis',
  'cycling',
  'investing',
  'crypto',
  'devops',
  'open source',
  'product management',
  'ux research',
  'marketing',
  'writing',
  'podcasts',
  'gardening',
  'sailing',
  'surfing',
  'skiing',
  'painting',
  'theatre',
  'history',
  'languages',
  'volunteering',
  'parenting',
  'meditation',
  'fitness',
  'basketball',
  'music',
  'piano',
  'guitar',
  'dance',
  'fashion',
];
const SKILLS = [
  'typescript',
  'python',
  'go',
  'rust',
  'java',
  'kotlin',
  'swift',
  'sql',
  'kubernetes',
  'aws',
  'react',
  'figma',
  'sales',
  'negotiation',
  'public speaking',
  'leadership',
  'finance',
  'accounting',
  'recruiting',
  'copywriting',
  'seo',
  'data analysis',
  'statistics',
  'excel',
];
const INDUSTRIES = [
  'software',
  'fintech',
  'banking',
  'healthcare',
  'biotech',
  'media',
  'marketing',
  'education',
  'retail',
  'e-commerce',
  'manufacturing',
  'energy',
  'consulting',
  'legal',
  'government',
  'nonprofit',
  'real estate',
  'logistics',
  'gaming',
  'hospitality',
];
const JOB_LEVELS = ['entry', 'mid', 'senior', 'lead', 'executive', 'founder'];
const SIZES = ['startup', 'small', 'medium', 'large', 'enterprise'];
const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'pl', 'ja', 'ko', 'hi', 'ar'];
const GOALS = [
  'career_growth',
  'mentorship',
  'collaboration',
  'investment',
  'hiring',
  'friendship',
];
const DISTANCES = [10, 25, 50, 50, 50, 100];

// Skewed picks: popular things are picked far more often (Zipf-like).
const skewed = <T>(items: T[]): T => items[Math.floor(items.length * Math.random() ** 2.2)];
const some = <T>(items: T[], min: number, max: number): T[] => {
  const count = min + Math.floor(Math.random() * (max - min + 1));
  return [...new Set(Array.from({ length: count }, () => skewed(items)))];
};
const gaussian = () =>
  Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());

/** Adds `count` people spread over the world's cities straight into the store; their ids go to `ids`. */
export async function seed(client: Client, count: number, ids: string[]): Promise<void> {
  const BATCH = 5_000;
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    const rows = Array.from({ length: n }, () => {
      const [city, lat, lng] = skewed(CITIES);
      const located = Math.random() > 0.05;
      const age = 20 + Math.floor(Math.random() * 40);
      const id = randomUUID();
      ids.push(id);
      return {
        id,
        headline: `${skewed(JOB_LEVELS)} ${skewed(INDUSTRIES)} person`,
        birth: `${2026 - age}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-15`,
        industry: skewed(INDUSTRIES),
        level: skewed(JOB_LEVELS),
        company: `company-${Math.floor(Math.random() * 3000)}`,
        size: skewed(SIZES),
        interests: some(INTERESTS, 2, 8),
        skills: some(SKILLS, 1, 6),
        languages: ['en', ...some(LANGUAGES, 0, 2)],
        goals: some(GOALS, 1, 3),
        // People spread around each city centre (sd ~ 10 km).
        at: located ? { lat: lat + gaussian() * 0.09, lng: lng + gaussian() * 0.12 } : null,
        city: located ? city : null,
        ageMin: Math.max(18, age - 10 - Math.floor(Math.random() * 10)),
        ageMax: Math.min(100, age + 10 + Math.floor(Math.random() * 15)),
        distance: skewed(DISTANCES),
        lastActive: new Date(Date.now() - Math.random() ** 2 * 60 * 86_400_000).toISOString(),
      };
    });
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
    const point = (at: LatLng | null) => (at ? `(${at.lng},${at.lat})` : null);
    await client.query(
      `INSERT INTO profiles (user_id, version, name, headline, birth_date, industry, job_level,
         company, company_size, interests, skills, languages, networking_goals, position, cell,
         city, age_min, age_max, distance_km, last_active_at)
       SELECT u.id, 1, 'Bench Person', u.headline, u.birth::date, u.industry, u.level, u.company,
         u.size, translate(u.interests, '[]', '{}')::text[], translate(u.skills, '[]', '{}')::text[],
         translate(u.languages, '[]', '{}')::text[], translate(u.goals, '[]', '{}')::text[],
         u.position::point, u.cell::point, u.city, u.age_min, u.age_max, u.distance,
         u.last_active::timestamptz
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
         $14::text[], $15::int[], $16::int[], $17::real[], $18::text[])
         AS u(id, headline, birth, industry, level, company, size, interests, skills, languages,
           goals, position, cell, city, age_min, age_max, distance, last_active)`,
      [
        column('id'),
        column('headline'),
        column('birth'),
        column('industry'),
        column('level'),
        column('company'),
        column('size'),
        rows.map((r) => JSON.stringify(r.interests)),
        rows.map((r) => JSON.stringify(r.skills)),
        rows.map((r) => JSON.stringify(r.languages)),
        rows.map((r) => JSON.stringify(r.goals)),
        rows.map((r) => point(r.at)),
        rows.map((r) => point(r.at && locationCell(r.at))),
        column('city'),
        column('ageMin'),
        column('ageMax'),
        column('distance'),
        column('lastActive'),
      ],
    );
  }
  await client.query('ANALYZE profiles');
}

const DISCOVER_URL = `http://127.0.0.1:${PORT}/api/v1/matching/discover?limit=20`;

/** Sequential requests for one person: the service time without queueing. */
async function measureOne(token: string, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t0 = performance.now();
    const response = await fetch(DISCOVER_URL, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - t0);
  }
  return latencies.sort((a, b) => a - b);
}

const format = (label: string, f: Figures) => formatFigures(label, 16, f, 'items per page');

export async function matchingDiscover(
  { small, large, seconds, concurrency }: MatchingDiscoverOptions,
  { log }: BenchContext,
): Promise<BenchRow[]> {
  const measure = (tokenFor: () => Promise<string>, time: number) =>
    measureClosedLoop({ url: () => DISCOVER_URL, tokenFor, seconds: time, concurrency });
  const warmUp = Math.min(3, seconds);
  const service = await startBuiltService('matching', PORT);
  try {
    const client = new Client({ ...testInfra.postgres, database: service.database });
    await client.connect();
    const ids: string[] = [];
    const tokenForId = (id: string) => service.tokenFor(id);
    const tokenFor = () => tokenForId(ids[Math.floor(Math.random() * ids.length)]);

    log(`discovery benchmark: ${seconds} s per size, ${concurrency} concurrent clients`);
    let t0 = Date.now();
    await seed(client, small, ids);
    log(`seeded ${ids.length} people in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await measure(tokenFor, warmUp); // warm-up: JIT, connection pool, page cache
    const smallFigures = await measure(tokenFor, seconds);
    t0 = Date.now();
    await seed(client, large - small, ids);
    log(`seeded ${ids.length} people in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await measure(tokenFor, warmUp);
    const largeFigures = await measure(tokenFor, seconds);
    // The densest city's widest common reach; anyone located when the population is tiny.
    const [{ user_id: londoner }] = (
      await client.query(
        `SELECT user_id FROM profiles WHERE position IS NOT NULL
         ORDER BY (city = 'London' AND distance_km = 50) DESC LIMIT 1`,
      )
    ).rows as { user_id: string }[];
    const single = await measureOne(await tokenForId(londoner), 50);
    const growth = largeFigures.p95 / smallFigures.p95;
    log(format(`${small} people`, smallFigures));
    log(format(`${large} people`, largeFigures));
    log(`population x${(large / small).toFixed(0)} -> p95 x${growth.toFixed(2)}`);
    const singleFigures = latencyFigures(single);
    log(
      `one Londoner (densest city, 50 km), one request at a time: p50 ${singleFigures.p50?.toFixed(1)} ms, p95 ${singleFigures.p95?.toFixed(1)} ms`,
    );
    await client.end();
    const load = `${concurrency} clients, ${seconds} s`;
    const smallRow = figuresRow(`GET /matching/discover, ${small} people`, load, smallFigures);
    return [
      smallRow,
      {
        ...figuresRow(`GET /matching/discover, ${large} people`, load, largeFigures),
        baseline: { path: smallRow.path, of: 'p95' },
      },
      {
        path: `GET /matching/discover, ${large} people, one Londoner`,
        load: '1 client, 50 requests',
        ...singleFigures,
        throughput: null,
        unit: 'req/s',
        errors: 0,
      },
    ];
  } finally {
    await service.stop();
  }
}

if (require.main === module) {
  runFromCli((context) =>
    matchingDiscover(
      {
        small: numberArg(0, 10_000),
        large: numberArg(1, 100_000),
        seconds: numberArg(2, 20),
        concurrency: numberArg(3, 8),
      },
      context,
    ),
  );
}
