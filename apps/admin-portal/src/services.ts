import { createApi } from './api/client';
import type { Api } from './api/client';
import { createAuthProvider } from './auth/auth-provider';
import { refresherFor } from './auth/refresher';
import { Session } from './auth/session';
import { ConnectionStatus } from './connection/connection-status';
import { createDataProvider } from './data/data-provider';
import { Realtime } from './realtime/realtime';

/** Everything the portal talks to the API with, made once per page load. */
export function createServices(origin: string = window.location.origin) {
  const connection = new ConnectionStatus(
    () => fetch(`${origin}/health/live`, { cache: 'no-store' }).then((response) => response.ok),
    undefined,
    window,
  );
  const anonymous: Api = createApi(
    origin,
    { token: async () => null, refresh: () => Promise.reject(new Error('not signed in')) },
    connection,
  );
  const session = new Session(refresherFor(anonymous));
  const api = createApi(origin, session, connection);
  const realtime = new Realtime(() => session.token(), connection, origin);
  return {
    connection,
    session,
    realtime,
    dataProvider: createDataProvider(api),
    authProvider: createAuthProvider(anonymous, session),
  };
}

export type Services = ReturnType<typeof createServices>;
