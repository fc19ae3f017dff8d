import type { ExportPartKey, ExportStatus } from '@rendezvous/contracts';
import { EXPORT_PART_KEYS } from '@rendezvous/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An export as stored; `status` is what was last written, the clock may have moved past it. */
export interface ExportRecord {
  id: string;
  status: ExportStatus;
  createdAt: Date;
  readyAt: Date | null;
  expiresAt: Date | null;
  data: ExportData | null;
}

/** The assembled export: every service's part under its key. */
export type ExportData = Record<ExportPartKey, Record<string, unknown>>;

/**
 * The status as of `now`: a pending export past its deadline has failed and a ready one past
 * `expiresAt` has expired, whether or not the sweep has written it yet.
 */
export function currentStatus(
  record: ExportRecord,
  now: Date,
  partTimeoutMs: number,
): ExportStatus {
  if (record.status === 'pending' && now.getTime() >= record.createdAt.getTime() + partTimeoutMs) {
    return 'failed';
  }
  if (record.status === 'ready' && record.expiresAt && now >= record.expiresAt) return 'expired';
  return record.status;
}

/** The assembled data once every service has answered; `null` while a part is missing. */
export function assembled(parts: ReadonlyMap<string, Record<string, unknown>>): ExportData | null {
  if (missingParts(parts).length > 0) return null;
  return Object.fromEntries(
    EXPORT_PART_KEYS.map((key) => [key, parts.get(key) as Record<string, unknown>]),
  ) as ExportData;
}

export function missingParts(parts: ReadonlyMap<string, unknown>): ExportPartKey[] {
  return EXPORT_PART_KEYS.filter((key) => !parts.has(key));
}

export function expiryOf(readyAt: Date, retentionDays: number): Date {
  return new Date(readyAt.getTime() + retentionDays * DAY_MS);
}
