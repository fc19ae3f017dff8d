import type { Static } from '../events/schema-builder';
import { Closed, DateTime, defineEvent, OneOf, Type, Uuid } from '../events/schema-builder';
import type { ServiceName } from '../services';

/** What a personal-data export goes through (API.md, Your data). */
export const EXPORT_STATUSES = ['pending', 'ready', 'failed', 'expired'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** The keys of an export's `data`: one per service, each holding that service's part. */
export const EXPORT_PART_KEYS = [
  'user',
  'matching',
  'event',
  'proximity',
  'reco',
  'bookingAgent',
  'gateway',
] as const;
export type ExportPartKey = (typeof EXPORT_PART_KEYS)[number];

/** Which key of the export each service's part goes under. */
export const EXPORT_PART_KEY: Readonly<Record<ServiceName, ExportPartKey>> = {
  user: 'user',
  matching: 'matching',
  event: 'event',
  proximity: 'proximity',
  reco: 'reco',
  'booking-agent': 'bookingAgent',
  gateway: 'gateway',
};

/**
 * `export.requested`; key = the person (their requests stay in order). Every service answers
 * with its `export.part`, the user service included.
 */
export const EXPORT_REQUESTED = defineEvent(
  1,
  Closed({ exportId: Uuid(), userId: Uuid(), requestedAt: DateTime() }),
);
export type ExportRequestedData = Static<typeof EXPORT_REQUESTED.data>;

/**
 * `export.part`; key = the export. One service's answer to `export.requested`: everything it keeps
 * about the person, an empty-handed part when it knows nothing of them. The topic and its DLQ
 * keep messages one day at most, and no service logs the part. `part` per `service`:
 * - `user`: `account { id, email, name, role, status, createdAt }` (never credentials),
 *   `profile`, `preferences`, `timeslots`, `connections`, `blocks`, `reportsFiled`;
 * - `matching`: `swipes`, `matches`, `queueTickets`, `impressions` (whom discovery showed them);
 * - `event`: `eventsOrganised`, `registrations`;
 * - `proximity`: `session` (`{ interests, startedAt, expiresAt }` or `null`);
 * - `reco`: `interactions`;
 * - `bookingAgent`: `plans`, `bookings`;
 * - `gateway`: `notifications` (the retained history, oldest first).
 */
export const EXPORT_PART = defineEvent(
  1,
  Closed({
    exportId: Uuid(),
    userId: Uuid(),
    service: OneOf(EXPORT_PART_KEYS),
    // Open on purpose, the one such object: each service's part has its own shape (above).
    part: Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true }),
  }),
);
export type ExportPartData = Static<typeof EXPORT_PART.data>;

/**
 * `export.ready`; key = the export, `recipientIds` = the person, who is notified (API.md, Real
 * time). The export is kept until `expiresAt`.
 */
export const EXPORT_READY = defineEvent(
  1,
  Closed({ exportId: Uuid(), userId: Uuid(), readyAt: DateTime(), expiresAt: DateTime() }),
);
export type ExportReadyData = Static<typeof EXPORT_READY.data>;
