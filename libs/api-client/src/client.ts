import createClient from 'openapi-fetch';
import type { Client, Middleware } from 'openapi-fetch';
import type { paths } from './schema';

export type RendezvousClient = Client<paths>;

export interface ApiClientOptions {
  /** Access token sent as `Authorization: Bearer <token>` on every request. */
  token?: string;
  /** Headers sent on every request. */
  headers?: Record<string, string>;
}

function bearer(token: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
}

/** A client of the public API typed by the merged OpenAPI document; baseUrl is the gateway's origin. */
export function createApiClient(baseUrl: string, options: ApiClientOptions = {}): RendezvousClient {
  const client = createClient<paths>({ baseUrl, headers: options.headers });
  if (options.token) client.use(bearer(options.token));
  return client;
}
