import type { Admin } from 'kafkajs';
import { Client } from 'pg';
import { testInfra, testKafka, testRedis, waitFor } from '@rendezvous/testing';
import {
  closeRedis,
  createKafka,
  createRedis,
  kafkaSecurity,
  loadConfig,
  PlatformConfig,
  postgresClientConfig,
  redisSecurity,
} from '@rendezvous/platform';
import { ApiClient, signUp } from '../support/api-client';
import type { Person } from '../support/api-client';
import type { RealtimeClient } from '../support/realtime-client';
import { connectRealtime } from '../support/realtime-client';
import { SUITE_GATEWAY_URL } from '../support/suite-settings';
import { expectData } from '../support/typed-api';
import { securedSettings } from './secured-infra';

const SERVICES = ['user', 'event', 'matching', 'proximity', 'reco', 'booking-agent'];
const DATABASES = SERVICES.map((service) => `rendezvous_${service.replace('-', '_')}`);
const quiet = { warn: () => undefined, error: () => undefined, log: () => undefined };
const silent = { ...quiet, debug: () => undefined };

/** The settings the suite runs with, read as its apps read them. */
const secured = () => loadConfig(PlatformConfig, { env: securedSettings(), envFile: null });

/** The consumer groups that have members right now. */
async function consumingGroups(admin: Admin): Promise<string[]> {
  const { groups } = await admin.describeGroups(
    (await admin.listGroups()).groups.map((group) => group.groupId),
  );
  return groups.filter((group) => group.members.length > 0).map((group) => group.groupId);
}

describe('the suite on secured infrastructure (TLS, SCRAM, ACL user)', () => {
  const sockets: RealtimeClient[] = [];
  afterAll(() => sockets.forEach((socket) => socket.close()));

  it('is given only the secured servers: no plain address, passwords from files', () => {
    const settings = securedSettings();
    expect(settings).toMatchObject({
      POSTGRES_SSLMODE: 'verify-full',
      REDIS_URL: expect.stringMatching(/^rediss:\/\//),
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
    });
    const text = Object.values(settings).join('\n');
    for (const plainPort of [':5432', ':6379', ':9092']) expect(text).not.toContain(plainPort);
    expect(Object.keys(settings).filter((key) => /PASSWORD$/.test(key))).toEqual([]);
  });

  it('answers ready through the gateway with every service up', async () => {
    const body = await waitFor(
      async () => {
        const answer = (await (await fetch(`${SUITE_GATEWAY_URL}/health/ready`)).json()) as {
          checks: Record<string, string>;
          services: Record<string, string>;
        };
        return Object.values(answer.services).every((state) => state === 'up') && answer;
      },
      { timeoutMs: 10_000, message: 'every service up in the gateway readiness' },
    );
    expect(body.checks).toEqual({ redis: 'up', kafka: 'up' });
    expect(Object.keys(body.services).sort()).toEqual([...SERVICES].sort());
  });

  it('signs up, logs in and reads the profile through the gateway', async () => {
    const ada = await signUp('Ada');
    const login = await new ApiClient().api.POST('/api/v1/auth/login', {
      body: { email: ada.email, password: ada.password },
    });
    expect(expectData(login, 200).user.id).toBe(ada.id);
    const me = expectData(await ada.api.GET('/api/v1/users/me'), 200);
    expect(me).toMatchObject({ id: ada.id, email: ada.email, name: 'Ada' });
  });

  it('matches a mutual like and tells both people over Socket.IO (Postgres, Kafka, Redis)', async () => {
    const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
    const adaSocket = await connectRealtime(ada.token);
    const bobSocket = await connectRealtime(bob.token);
    sockets.push(adaSocket, bobSocket);
    // Matching learns of new people from user.created on Kafka; until then a like is a 404.
    const like = (from: Person, to: Person) =>
      waitFor(
        async () => {
          const answer = await from.api.POST('/api/v1/matching/swipes', {
            body: { targetUserId: to.id, action: 'like' },
          });
          return answer.response.status === 201 && expectData(answer, 201);
        },
        { timeoutMs: 15_000, message: 'matching to learn of the new people' },
      );
    expect(await like(ada, bob)).toEqual({ matched: false });
    const second = await like(bob, ada);
    expect(second.matched).toBe(true);
    const matchId = second.match?.id;
    expect(matchId).toEqual(expect.any(String));

    const toAda = await adaSocket.next('match.created', (p) => p.matchId === matchId);
    const toBob = await bobSocket.next('match.created', (p) => p.matchId === matchId);
    expect(toAda.payload).toMatchObject({ matchId, partnerId: bob.id });
    expect(toBob.payload).toMatchObject({ matchId, partnerId: ada.id });
  });

  it('holds every service connection on the secured servers, over TLS', async () => {
    const config = secured();
    const postgres = new Client(postgresClientConfig(config, 'postgres'));
    await postgres.connect();
    try {
      const { rows } = await postgres.query<{ datname: string; ssl: boolean }>(
        `SELECT a.datname, s.ssl FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
          WHERE a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()`,
      );
      expect(rows.every((row) => row.ssl)).toBe(true);
      expect([...new Set(rows.map((row) => row.datname))].sort()).toEqual(
        expect.arrayContaining(DATABASES),
      );
    } finally {
      await postgres.end();
    }

    const redis = createRedis(config.REDIS_URL, 'secured-check', quiet, redisSecurity(config));
    try {
      const clients = String(await redis.call('CLIENT', 'LIST'));
      expect(clients).toContain('name=gateway');
      expect(clients.match(/ user=(\S+)/g)?.every((user) => user === ' user=rendezvous')).toBe(
        true,
      );
    } finally {
      await closeRedis(redis);
    }

    const admin = createKafka({
      brokers: config.KAFKA_BROKERS,
      clientId: 'secured-check',
      logger: silent,
      security: kafkaSecurity(config),
    }).admin();
    await admin.connect();
    try {
      expect(await consumingGroups(admin)).toEqual(
        expect.arrayContaining(['gateway', ...SERVICES]),
      );
    } finally {
      await admin.disconnect();
    }
  });

  it('leaves the plain PostgreSQL, Redis and Kafka unused', async () => {
    // start.sh brings the plain infrastructure up too; none of the suite's connections go there.
    const plainPostgres = new Client({ ...testInfra.postgres, database: 'postgres' });
    await plainPostgres.connect();
    try {
      const { rows } = await plainPostgres.query(
        'SELECT datname FROM pg_stat_activity WHERE datname = ANY($1)',
        [DATABASES],
      );
      expect(rows).toEqual([]);
    } finally {
      await plainPostgres.end();
    }

    const plainRedis = testRedis();
    try {
      const clients = String(await plainRedis.call('CLIENT', 'LIST')).split('\n');
      const names = new Set(['gateway', ...SERVICES]);
      expect(clients.filter((line) => names.has(/ name=(\S*)/.exec(line)?.[1] ?? ''))).toEqual([]);
    } finally {
      plainRedis.disconnect();
    }

    const plainKafka = testKafka().admin();
    await plainKafka.connect();
    try {
      expect(await consumingGroups(plainKafka)).toEqual([]);
    } finally {
      await plainKafka.disconnect();
    }
  });
});
