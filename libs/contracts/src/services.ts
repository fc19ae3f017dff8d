/** The deployable services, as named in ARCHITECTURE.md; also the Kafka `source` and consumer group. */
export const SERVICES = [
  'gateway',
  'user',
  'event',
  'matching',
  'proximity',
  'reco',
  'booking-agent',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Services that own a PostgreSQL database (`rendezvous_<service>`, dashes as underscores). */
export const DATABASE_SERVICES = [
  'user',
  'event',
  'matching',
  'proximity',
  'reco',
  'booking-agent',
] as const satisfies readonly ServiceName[];

export function databaseName(service: ServiceName): string {
  return `rendezvous_${service.replace(/-/g, '_')}`;
}
