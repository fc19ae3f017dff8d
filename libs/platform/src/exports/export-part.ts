import type { ExportRequestedData, ServiceName } from '@rendezvous/contracts';
import { EXPORT_PART_KEY, TOPICS } from '@rendezvous/contracts';
import type { NewEvent } from '../kafka/event-factory';

/** One service's part of a personal-data export: plain JSON, whatever it holds. */
export type ExportPart = Record<string, unknown>;

/**
 * The `export.part` a service answers `export.requested` with (API.md, Your data): its part under
 * its own key. A person the service does not know gets an empty-handed part all the same, so the
 * export completes.
 */
export function exportPartEvent(
  service: ServiceName,
  request: ExportRequestedData,
  part: ExportPart,
): NewEvent<'export.part'> {
  return {
    type: TOPICS.EXPORT_PART,
    aggregateId: request.exportId,
    aggregateVersion: 1,
    data: {
      exportId: request.exportId,
      userId: request.userId,
      service: EXPORT_PART_KEY[service],
      part,
    },
  };
}
