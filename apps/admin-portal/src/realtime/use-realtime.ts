import { useEffect, useEffectEvent } from 'react';
import { useServices } from '../services-context';
import type { RealtimeEvents } from './realtime';

/** Calls `handler` for each notification of that event while the component is shown. */
export function useRealtime<E extends keyof RealtimeEvents>(
  event: E,
  handler: (payload: RealtimeEvents[E]) => void,
): void {
  const { realtime } = useServices();
  // The latest handler, without subscribing again each render.
  const onNotification = useEffectEvent(handler);
  useEffect(() => realtime.on(event, (payload) => onNotification(payload)), [realtime, event]);
}
