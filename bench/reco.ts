// Latency and throughput of GET /reco/venues and GET /reco/people on a synthetic world:
// venues, people (with homes and ties) and interactions seeded straight into a fresh copy of
// the reco service's store, with the running sums the service keeps. Boots the built reco
// service on it (its own consumer group and a bench JWKS), then runs closed-loop clients.
// Usage: npm run bench:reco -- [venues=10000] [interactions=100000] [people=10000] [seconds=15] [concurrency=8]
import { Client } from 'pg';
import { testInfra } from '@rendezvous/testing';
import type { BenchRow } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { startBuiltService } from './support/built-service';
import type { Figures } from './support/closed-loop';
import { figuresRow, formatFigures, measureClosedLoop } from './support/closed-loop';
import { numberArg, runFromCli } from './support/cli';

export interface RecoOptions {
  venues: number;
  interactions: number;
  people: number;
  /** Measured per endpoint, after a warm-up of up to 2 s. */
  seconds: number;
  concurrency: number;
}

const TIES_PER_PERSON = 10;
const PORT = 3905;

// A few cities, the first ones far busier (the square of a uniform picks low indexes).
const CITIES = [
  [51.507, -0.128],
  [48.857, 2.352],
  [52.52, 13.405],
  [40.713, -74.006],
  [35.676, 139.65],
  [40.417, -3.704],
  [41.903, 12.496],
  [37.775, -122.419],
  [19.076, 72.878],
  [-33.869, 151.209],
  [1.352, 103.82],
  [-23.551, -46.633],
];

/** Seeds the store; returns the seeded people (the service may learn of others from Kafka). */
async function seed(
  client: Client,
  { venues, interactions, people }: RecoOptions,
): Promise<string[]> {
  await client.query('CREATE TEMP TABLE cities (n int, lat float8, lng float8)');
  await client.query(
    `INSERT INTO cities SELECT i - 1, (c->>0)::float8, (c->>1)::float8
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(c, i)`,
    [JSON.stringify(CITIES)],
  );
  // A city and a spot per row (`0 * g` and `OFFSET 0` keep Postgres from drawing once for all).
  const near = `LATERAL (SELECT floor(${CITIES.length} * random() ^ 2)::int + 0 * g AS n OFFSET 0) k
    JOIN cities c ON c.n = k.n,
    LATERAL (SELECT c.lat + (random() - 0.5) * 0.18 + 0 * g AS lat,
      c.lng + (random() - 0.5) * 0.25 + 0 * g AS lng OFFSET 0) p`;
  // Venues spread around their city centre (about ±10 km).
  await client.query(
    `INSERT INTO venues (id, name, category, lat, lng, position, price_level, rating, capacity)
     SELECT gen_random_uuid(), 'Venue ' || g, (ARRAY['cafe','bar','restaurant','music','comedy',
         'karaoke','sports','coworking','other'])[1 + floor(random() * 9)::int],
       p.lat, p.lng, point(p.lng, p.lat), 1 + floor(random() * 4)::int, round((random() * 5)::numeric, 1),
       10 + floor(random() * 90)::int
     FROM generate_series(1, $1) g, ${near}`,
    [venues],
  );
  // People: 95 % with a home near a city.
  const { rows: seeded } = await client.query(
    `INSERT INTO people (user_id, version, lat, lng)
     SELECT gen_random_uuid(), 1, CASE WHEN random() < 0.95 THEN p.lat END, p.lng
     FROM generate_series(1, $1) g, ${near}
     RETURNING user_id`,
    [people],
  );
  await client.query('UPDATE people SET lng = NULL WHERE lat IS NULL');
  // Interactions: popular venues far more often; views 60 %, interests 25 %, likes 15 %.
  await client.query(`
    CREATE TEMP TABLE numbered_venues AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM venues;
    CREATE TEMP TABLE numbered_people AS SELECT row_number() OVER (ORDER BY user_id) - 1 AS n, user_id FROM people;
    CREATE INDEX ON numbered_venues (n); CREATE INDEX ON numbered_people (n);`);
  await client.query(
    `INSERT INTO interactions (id, venue_id, user_id, type, dwell_seconds)
     SELECT gen_random_uuid(), v.id, p.user_id, i.type, floor(random() * 600)::int
     FROM (SELECT floor($2 * random() ^ 3)::int AS vn, floor($3 * random())::int AS pn,
             CASE WHEN random() < 0.6 THEN 'view' WHEN random() < 0.625 THEN 'interest' ELSE 'like' END AS type
           FROM generate_series(1, $1)) i
     JOIN numbered_venues v ON v.n = i.vn JOIN numbered_people p ON p.n = i.pn`,
    [interactions, venues, people],
  );
  // The running sums the service keeps on every write.
  await client.query(
    `INSERT INTO user_venue_stats (user_id, venue_id, likes, dwell_seconds)
     SELECT user_id, venue_id, count(*) FILTER (WHERE type <> 'view'), sum(dwell_seconds)
     FROM interactions GROUP BY user_id, venue_id`,
  );
  await client.query(
    `UPDATE venues v SET likes = s.likes
     FROM (SELECT venue_id, sum(likes) AS likes FROM user_venue_stats GROUP BY venue_id) s
     WHERE v.id = s.venue_id`,
  );
  await client.query(
    `INSERT INTO ties (user_a, user_b, strength)
     SELECT least(a.user_id, b.user_id), greatest(a.user_id, b.user_id),
       CASE WHEN random() < 0.3 THEN 0.8 ELSE 0.5 END
     FROM numbered_people a, generate_series(1, $1) k,
       LATERAL (SELECT floor($2 * random())::int + 0 * k + 0 * a.n AS n OFFSET 0) r
       JOIN numbered_people b ON b.n = r.n
     WHERE a.user_id <> b.user_id
     ON CONFLICT DO NOTHING`,
    [TIES_PER_PERSON / 2, people],
  );
  await client.query('ANALYZE');
  return seeded.map((r: { user_id: string }) => r.user_id);
}

const format = (label: string, f: Figures) => formatFigures(label, 34, f);

export async function reco(options: RecoOptions, { log }: BenchContext): Promise<BenchRow[]> {
  const { seconds, concurrency } = options;
  const measure = (path: () => string, tokenFor: () => Promise<string>, time: number) =>
    measureClosedLoop({
      url: () => `http://127.0.0.1:${PORT}/api/v1${path()}`,
      tokenFor,
      seconds: time,
      concurrency,
    });
  const service = await startBuiltService('reco', PORT);
  try {
    const client = new Client({ ...testInfra.postgres, database: service.database });
    await client.connect();
    const t0 = Date.now();
    const ids = await seed(client, options);
    const counts = (
      await client.query(
        `SELECT (SELECT count(*) FROM venues) AS venues, (SELECT count(*) FROM interactions) AS interactions,
           (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM ties) AS ties`,
      )
    ).rows[0] as Record<string, string>;
    log(
      `seeded ${counts.venues} venues, ${counts.interactions} interactions, ${counts.people} people, ` +
        `${counts.ties} ties in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    const venueIds = (await client.query('SELECT id FROM venues')).rows.map(
      (r: { id: string }) => r.id,
    );
    await client.end();
    const tokenFor = () => service.tokenFor(ids[Math.floor(Math.random() * ids.length)]);
    const anyVenue = () => venueIds[Math.floor(Math.random() * venueIds.length)];

    log(`reco benchmark: ${seconds} s per endpoint, ${concurrency} concurrent clients`);
    const cases: [string, () => string][] = [
      ['GET /reco/venues', () => '/reco/venues?limit=20'],
      ['GET /reco/venues?maxDistanceKm=5', () => '/reco/venues?limit=20&maxDistanceKm=5'],
      ['GET /reco/people?venueId', () => `/reco/people?limit=20&venueId=${anyVenue()}`],
      ['GET /reco/people', () => '/reco/people?limit=20'],
    ];
    const load = `${concurrency} clients, ${seconds} s, ${options.venues} venues`;
    const rows: BenchRow[] = [];
    const lines: string[] = [];
    for (const [label, path] of cases) {
      await measure(path, tokenFor, Math.min(2, seconds)); // warm-up: JIT, connection pool, page cache
      const figures = await measure(path, tokenFor, seconds);
      lines.push(format(label, figures));
      rows.push(figuresRow(label, load, figures));
    }
    for (const line of lines) log(line);
    return rows;
  } finally {
    await service.stop();
  }
}

if (require.main === module) {
  runFromCli((context) =>
    reco(
      {
        venues: numberArg(0, 10_000),
        interactions: numberArg(1, 100_000),
        people: numberArg(2, 10_000),
        seconds: numberArg(3, 15),
        concurrency: numberArg(4, 8),
      },
      context,
    ),
  );
}
