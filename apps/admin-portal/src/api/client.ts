import createClient from 'openapi-fetch';
import type { paths } from '@rendezvous/api-client';
import type { ConnectionStatus } from '../connection/connection-status';
import { apiErrorFrom, ApiError } from './problem';

export type Api = ReturnType<typeof createClient<paths>>;

export interface Tokens {
  token(): Promise<string | null>;
  refresh(): Promise<void>;
}

/** A request that never reached the API: shown as a lost connection, not as a server error. */
export class ConnectionLostError extends ApiError {
  constructor() {
    super(
      { title: 'Connection lost', detail: 'The server cannot be reached. Retrying by itself…' },
      0,
      null,
    );
    this.name = 'ConnectionLostError';
  }
}

/**
 * The typed client of the public API (the same document clients generate code from), with the
 * access token on every call, one refresh-and-retry on a 401, and network failures reported to
 * the connection status.
 */
export function createApi(origin: string, tokens: Tokens, connection: ConnectionStatus): Api {
  const send = async (request: Request): Promise<Response> => {
    try {
      const response = await fetch(request);
      connection.reached();
      return response;
    } catch (error) {
      if (request.signal.aborted) throw error;
      connection.lost();
      throw new ConnectionLostError();
    }
  };
  const authorised = async (request: Request): Promise<Response> => {
    const token = await tokens.token();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return send(request);
  };
  return createClient<paths>({
    baseUrl: origin,
    fetch: async (request: Request) => {
      const retry = request.clone();
      const response = await authorised(request);
      if (response.status !== 401 || !request.headers.has('authorization')) return response;
      try {
        await tokens.refresh();
      } catch {
        return response;
      }
      return authorised(retry);
    },
  });
}

/** The data of an openapi-fetch result, or the API's problem as an ApiError. */
export async function unwrap<T>(
  result: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await result;
  if (!response.ok) throw apiErrorFrom(response, error);
  return data as T;
}
