import { useEffect, useRef } from 'react';
import { useServices } from '../services-context';
import type { RealtimeEvents } from './realtime';

/** Calls `handler` for each notification of that event while the component is shown. */
export function useRealtime<E extends keyof RealtimeEvents>(
  event: E,
  handler: (payload: RealtimeEvents[E]) => void,
): void {
  const { realtime } = useServices();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => realtime.on(event, (payload) => latest.current(payload)), [realtime, event]);
}
