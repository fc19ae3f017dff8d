import { Alert, Snackbar } from '@mui/material';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useRefresh } from 'react-admin';
import { useServices } from '../services-context';

/** A visible notice while the API or the live connection is unreachable; pages reload on return. */
export function ConnectionBanner() {
  const { connection } = useServices();
  const state = useSyncExternalStore(connection.subscribe, () => connection.current);
  const refresh = useRefresh();
  const [recovered, setRecovered] = useState(false);
  const previous = useRef(state);

  useEffect(() => {
    if (previous.current === 'offline' && state === 'online') {
      setRecovered(true);
      refresh();
    }
    previous.current = state;
  }, [state, refresh]);

  return (
    <>
      {state === 'offline' && (
        <Alert severity="warning" role="status" sx={{ borderRadius: 0 }}>
          Connection lost. Retrying by itself; what you see may be out of date.
        </Alert>
      )}
      <Snackbar
        open={recovered}
        autoHideDuration={4000}
        onClose={() => setRecovered(false)}
        message="Connection restored."
      />
    </>
  );
}
