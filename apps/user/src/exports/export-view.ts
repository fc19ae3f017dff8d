import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ExportStatus } from '@rendezvous/contracts';
import { EXPORT_PART_KEYS, EXPORT_STATUSES } from '@rendezvous/contracts';
import { DATE_TIME, NULLABLE_DATE_TIME, UUID } from '../common/api-schemas';
import type { ExportData, ExportRecord } from './export-rules';
import { currentStatus } from './export-rules';

const PART = {
  type: 'object',
  additionalProperties: true,
  description: 'everything that service keeps about the person',
} as const;

/** A personal-data export as its owner sees it (API.md, Your data). */
export class ExportView {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({
    enum: EXPORT_STATUSES,
    description:
      '`failed` when a service did not answer in time (never a partial export); `expired` once past `expiresAt`',
  })
  status: ExportStatus;

  @ApiProperty(DATE_TIME)
  createdAt: string;

  @ApiProperty({ ...NULLABLE_DATE_TIME, description: 'null until ready' })
  readyAt: string | null;

  @ApiProperty({ ...NULLABLE_DATE_TIME, description: 'null until ready; the data goes then' })
  expiresAt: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: false,
    required: [...EXPORT_PART_KEYS],
    properties: Object.fromEntries(EXPORT_PART_KEYS.map((key) => [key, PART])),
    description: 'only while `ready`: one key per service, each holding that service’s part',
  })
  data?: ExportData;
}

/** What the owner sees of `record` at `now`: the data only while it is ready. */
export function toExportView(record: ExportRecord, now: Date, partTimeoutMs: number): ExportView {
  const status = currentStatus(record, now, partTimeoutMs);
  const ready = status === 'ready' || status === 'expired';
  return {
    id: record.id,
    status,
    createdAt: record.createdAt.toISOString(),
    readyAt: ready ? (record.readyAt?.toISOString() ?? null) : null,
    expiresAt: ready ? (record.expiresAt?.toISOString() ?? null) : null,
    ...(status === 'ready' && record.data ? { data: record.data } : {}),
  };
}
