import { EXPORT_PART_KEYS } from '@rendezvous/contracts';
import type { ExportRecord } from './export-rules';
import { assembled, currentStatus, expiryOf, missingParts } from './export-rules';
import { toExportView } from './export-view';

const createdAt = new Date('2026-12-01T10:00:00.000Z');
const at = (seconds: number) => new Date(createdAt.getTime() + seconds * 1000);
const TIMEOUT_MS = 30_000;

const pending: ExportRecord = {
  id: 'e1',
  status: 'pending',
  createdAt,
  readyAt: null,
  expiresAt: null,
  data: null,
};

const everyPart = () =>
  new Map<string, Record<string, unknown>>(EXPORT_PART_KEYS.map((key) => [key, { from: key }]));

const ready = (): ExportRecord => ({
  ...pending,
  status: 'ready',
  readyAt: at(5),
  expiresAt: expiryOf(at(5), 7),
  data: assembled(everyPart()),
});

describe(currentStatus.name, () => {
  it('keeps a pending export pending until the part deadline, then calls it failed', () => {
    expect(currentStatus(pending, at(29.999), TIMEOUT_MS)).toBe('pending');
    expect(currentStatus(pending, at(30), TIMEOUT_MS)).toBe('failed');
  });

  it('keeps a ready export ready until it expires, whatever the part deadline', () => {
    const record = ready();
    expect(currentStatus(record, at(3600), TIMEOUT_MS)).toBe('ready');
    expect(currentStatus(record, record.expiresAt as Date, TIMEOUT_MS)).toBe('expired');
  });

  it('leaves what the sweep already wrote as it is', () => {
    expect(currentStatus({ ...pending, status: 'failed' }, at(1), TIMEOUT_MS)).toBe('failed');
    expect(currentStatus({ ...pending, status: 'expired' }, at(1), TIMEOUT_MS)).toBe('expired');
  });
});

describe(assembled.name, () => {
  it('is nothing while any service has not answered, naming who is missing', () => {
    const parts = everyPart();
    parts.delete('bookingAgent');
    parts.delete('gateway');
    expect(assembled(parts)).toBeNull();
    expect(missingParts(parts)).toEqual(['bookingAgent', 'gateway']);
  });

  it('puts each service’s part under its key once all have answered', () => {
    const data = assembled(everyPart());
    expect(Object.keys(data ?? {})).toEqual([...EXPORT_PART_KEYS]);
    expect(data?.reco).toEqual({ from: 'reco' });
  });

  it('keeps only the services of the contract', () => {
    const parts = everyPart();
    parts.set('unknown', { from: 'elsewhere' });
    expect(Object.keys(assembled(parts) ?? {})).toEqual([...EXPORT_PART_KEYS]);
  });
});

describe(expiryOf.name, () => {
  it('keeps an export the retention days from when it was ready', () => {
    expect(expiryOf(new Date('2026-12-01T10:00:00.000Z'), 7).toISOString()).toBe(
      '2026-12-08T10:00:00.000Z',
    );
  });
});

describe(toExportView.name, () => {
  it('shows no times and no data while pending', () => {
    expect(toExportView(pending, at(1), TIMEOUT_MS)).toEqual({
      id: 'e1',
      status: 'pending',
      createdAt: createdAt.toISOString(),
      readyAt: null,
      expiresAt: null,
    });
  });

  it('shows the data while ready, and drops it once expired', () => {
    const record = ready();
    expect(toExportView(record, at(60), TIMEOUT_MS).data).toEqual(record.data);
    const expired = toExportView(record, record.expiresAt as Date, TIMEOUT_MS);
    expect(expired).toMatchObject({ status: 'expired', readyAt: at(5).toISOString() });
    expect(expired).not.toHaveProperty('data');
  });

  it('shows an overdue export as failed without data', () => {
    expect(toExportView(pending, at(31), TIMEOUT_MS)).toEqual({
      id: 'e1',
      status: 'failed',
      createdAt: createdAt.toISOString(),
      readyAt: null,
      expiresAt: null,
    });
  });
});
