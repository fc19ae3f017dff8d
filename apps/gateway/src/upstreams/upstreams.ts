import type { ServiceName } from '@rendezvous/contracts';
import type { GatewayConfig } from '../config';

export type UpstreamService = Exclude<ServiceName, 'gateway'>;

/** Each upstream service with its replica base URLs, from the comma-separated settings. */
export function upstreamsFrom(config: GatewayConfig): Record<UpstreamService, string[]> {
  const split = (value: string) =>
    value
      .split(',')
      .map((url) => url.trim().replace(/\/+$/, ''))
      .filter(Boolean);
  return {
    user: split(config.USER_SERVICE_URL),
    event: split(config.EVENT_SERVICE_URL),
    matching: split(config.MATCHING_SERVICE_URL),
    proximity: split(config.PROXIMITY_SERVICE_URL),
    reco: split(config.RECO_SERVICE_URL),
    'booking-agent': split(config.BOOKING_AGENT_SERVICE_URL),
  };
}
