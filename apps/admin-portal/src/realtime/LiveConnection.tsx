import { useEffect } from 'react';
import { useServices } from '../services-context';

/** Holds the Socket.IO connection open while a signed-in page is shown. */
export function LiveConnection() {
  const { realtime } = useServices();
  useEffect(() => {
    realtime.connect();
    return () => realtime.disconnect();
  }, [realtime]);
  return null;
}
