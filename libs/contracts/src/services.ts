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

export function databaseName(service: ServiceName): string {
  return `rendezvous_${service.replace(/-/g, '_')}`;
}
