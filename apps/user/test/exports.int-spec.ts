import { randomUUID } from 'node:crypto';
import type { EventData, ExportPartKey, ExportStatus } from '@rendezvous/contracts';
import { EXPORT_PART_KEYS, TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import { anEnvelope, collectMessages, testKafka, waitFor } from '@rendezvous/testing';
import { DataSource } from 'typeorm';
import { ExportSweep } from '../src/exports/export-sweep';
import type { AuthResponse, UserTestApp } from './user-test-app';
import { startUserApp } from './user-test-app';

interface ExportBody {
  id: string;
  status: ExportStatus;
  createdAt: string;
  readyAt: string | null;
  expiresAt: string | null;
  data?: Record<ExportPartKey, Record<string, unknown>>;
  code?: string;
  errors?: { path: string }[];
}

const PART_TIMEOUT_SECONDS = 2;

describe('user service: personal-data exports', () => {
  let t: UserTestApp;
  let db: DataSource;
  let events: KafkaCollector;

  beforeAll(async () => {
    t = await startUserApp({
      EXPORT_PART_TIMEOUT_SECONDS: String(PART_TIMEOUT_SECONDS),
      // The test sweeps itself.
      EXPORT_SWEEP_SECONDS: '3600',
    });
    db = t.app.get(DataSource);
    events = await collectMessages(testKafka(), [
      TOPICS.EXPORT_REQUESTED,
      TOPICS.EXPORT_PART,
      TOPICS.EXPORT_READY,
    ]);
  });

  afterAll(async () => {
    await events.stop();
    await t.close();
  });

  const requestExport = (person: AuthResponse) =>
    t.request<ExportBody>('POST', '/users/me/exports', { token: person.accessToken });

  const getExport = (person: AuthResponse, id: string) =>
    t.request<ExportBody>('GET', `/users/me/exports/${id}`, { token: person.accessToken });

  /** The `export.requested` the request put on Kafka. */
  const requested = (person: AuthResponse, exportId: string) =>
    waitFor(
      () =>
        events
          .envelopes(TOPICS.EXPORT_REQUESTED, person.user.id)
          .find((e) => e.data.exportId === exportId),
      { message: 'export.requested' },
    );

  const part = (
    person: AuthResponse,
    exportId: string,
    service: ExportPartKey,
    data: Record<string, unknown> = { from: service },
  ) =>
    anEnvelope(
      TOPICS.EXPORT_PART,
      { exportId, userId: person.user.id, service, part: data } satisfies EventData<'export.part'>,
      { aggregateId: exportId, source: 'matching' },
    );

  const exportRow = async (id: string) =>
    (
      (await db.query('SELECT status, data FROM exports WHERE id = $1', [id])) as {
        status: ExportStatus;
        data: unknown;
      }[]
    )[0];

  const partCount = async (id: string) =>
    (
      (await db.query('SELECT count(*)::int AS n FROM export_parts WHERE export_id = $1', [
        id,
      ])) as { n: number }[]
    )[0].n;

  it('answers 202 pending, publishes export.requested keyed by the person, and refuses a second while pending', async () => {
    const person = await t.signup();
    const first = await requestExport(person);
    expect(first.status).toBe(202);
    expect(Object.keys(first.body).sort()).toEqual(
      ['createdAt', 'expiresAt', 'id', 'readyAt', 'status'].sort(),
    );
    expect(first.body).toMatchObject({ status: 'pending', readyAt: null, expiresAt: null });

    const second = await requestExport(person);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('USERS.EXPORT_PENDING');

    const event = await requested(person, first.body.id);
    expect(event.aggregateId).toBe(person.user.id);
    expect(event.data).toEqual({
      exportId: first.body.id,
      userId: person.user.id,
      requestedAt: first.body.createdAt,
    });
    expect((await getExport(person, first.body.id)).body).toEqual(first.body);
  });

  it('makes one pending export of two racing requests', async () => {
    const person = await t.signup();
    const answers = await Promise.all([requestExport(person), requestExport(person)]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
  });

  it('answers its own request with the person’s data: never credentials, never reports about them', async () => {
    const person = await t.signup();
    const other = await t.signup();
    const filed = await t.request('POST', '/reports', {
      token: person.accessToken,
      body: { subjectUserId: other.user.id, reason: 'spam' },
    });
    expect(filed.status).toBe(201);
    const about = await t.request('POST', '/reports', {
      token: other.accessToken,
      body: { subjectUserId: person.user.id, reason: 'harassment', details: 'private words' },
    });
    expect(about.status).toBe(201);
    const created = await requestExport(person);
    await t.deliver(await requested(person, created.body.id));

    const answer = await waitFor(
      () => events.envelopes(TOPICS.EXPORT_PART, created.body.id).find((e) => e.source === 'user'),
      { message: 'the user service’s export.part' },
    );
    expect(answer.data.service).toBe('user');
    const own = answer.data.part;
    expect(own.account).toMatchObject({ id: person.user.id, email: person.user.email });
    expect(Object.keys(own).sort()).toEqual(
      [
        'account',
        'blocks',
        'connections',
        'preferences',
        'profile',
        'reportsFiled',
        'timeslots',
      ].sort(),
    );
    expect(own.reportsFiled).toEqual([
      expect.objectContaining({ id: filed.body.id, subjectUserId: other.user.id }),
    ]);
    expect(own.blocks).toEqual([expect.objectContaining({ userId: other.user.id })]);
    const text = JSON.stringify(own);
    expect(text).not.toContain('private words');
    expect(text).not.toContain(String(about.body.id));
    expect(text).not.toMatch(/password|\$argon|\$2[aby]\$/i);
  });

  it('is ready once every service has answered, with each part under its key, and says so', async () => {
    const person = await t.signup();
    const created = await requestExport(person);
    const id = created.body.id;
    for (const service of EXPORT_PART_KEYS) await t.deliver(part(person, id, service));
    // A redelivery, and a second copy of a part, change nothing.
    const again = part(person, id, 'reco', { from: 'a second copy' });
    await t.deliver(again);
    await t.deliver(again);

    const got = await getExport(person, id);
    expect(got.status).toBe(200);
    expect(got.body.status).toBe('ready');
    expect(Object.keys(got.body.data ?? {}).sort()).toEqual([...EXPORT_PART_KEYS].sort());
    expect(got.body.data?.reco).toEqual({ from: 'reco' });
    const readyAt = Date.parse(got.body.readyAt ?? '');
    expect(Date.parse(got.body.expiresAt ?? '') - readyAt).toBe(7 * 24 * 3_600_000);
    expect(await partCount(id)).toBe(0);

    const ready = await waitFor(() => events.envelopes(TOPICS.EXPORT_READY, id)[0], {
      message: 'export.ready',
    });
    expect(ready.recipientIds).toEqual([person.user.id]);
    expect(ready.data).toEqual({
      exportId: id,
      userId: person.user.id,
      readyAt: got.body.readyAt,
      expiresAt: got.body.expiresAt,
    });
    // Another export may be asked for now.
    expect((await requestExport(person)).status).toBe(202);
  });

  it('fails, never partial, when a service does not answer in time; a late part changes nothing', async () => {
    const person = await t.signup();
    const created = await requestExport(person);
    const id = created.body.id;
    for (const service of EXPORT_PART_KEYS.filter((key) => key !== 'gateway')) {
      await t.deliver(part(person, id, service));
    }
    expect((await getExport(person, id)).body.status).toBe('pending');

    const failed = await waitFor(
      async () => {
        const got = await getExport(person, id);
        return got.body.status === 'failed' && got.body;
      },
      { timeoutMs: PART_TIMEOUT_SECONDS * 1000 + 2_000, message: 'the export to fail' },
    );
    expect(failed).toEqual({ ...created.body, status: 'failed' });
    expect(await t.app.get(ExportSweep).sweep()).toBeGreaterThanOrEqual(1);
    expect(await exportRow(id)).toEqual({ status: 'failed', data: null });
    expect(await partCount(id)).toBe(0);

    await t.deliver(part(person, id, 'gateway'));
    expect((await getExport(person, id)).body.status).toBe('failed');
    expect(await partCount(id)).toBe(0);
    expect(events.envelopes(TOPICS.EXPORT_READY, id)).toEqual([]);
    // An overdue export no longer holds the person's one pending place.
    expect((await requestExport(person)).status).toBe(202);
  });

  it('expires a ready export after its retention and drops its data', async () => {
    const person = await t.signup();
    const { id } = (await requestExport(person)).body;
    for (const service of EXPORT_PART_KEYS) await t.deliver(part(person, id, service));
    await db.query(`UPDATE exports SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      id,
    ]);

    const got = await getExport(person, id);
    expect(got.body.status).toBe('expired');
    expect(got.body).not.toHaveProperty('data');
    await t.app.get(ExportSweep).sweep();
    expect(await exportRow(id)).toEqual({ status: 'expired', data: null });
  });

  it('shows an export to its owner only, and names a malformed id', async () => {
    const owner = await t.signup();
    const stranger = await t.signup();
    const { id } = (await requestExport(owner)).body;

    expect((await getExport(stranger, id)).status).toBe(404);
    expect((await getExport(owner, randomUUID())).status).toBe(404);
    const malformed = await getExport(owner, 'not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((e) => e.path)).toEqual(['id']);
    expect((await t.request('GET', `/users/me/exports/${id}`)).status).toBe(401);
    expect((await t.request('POST', '/users/me/exports')).status).toBe(401);
  });

  it('drops the exports with the account, and ignores parts that come after', async () => {
    const person = await t.signup();
    const { id } = (await requestExport(person)).body;
    await t.deliver(part(person, id, 'user'));
    expect((await t.request('DELETE', '/users/me', { token: person.accessToken })).status).toBe(
      204,
    );
    expect(await exportRow(id)).toBeUndefined();
    expect(await partCount(id)).toBe(0);
    await t.deliver(part(person, id, 'matching'));
    expect(await partCount(id)).toBe(0);
  });
});
