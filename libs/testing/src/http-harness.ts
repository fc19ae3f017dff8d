import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { Role } from '@rendezvous/contracts';
import { ACCESS_TOKEN_AUDIENCE, DEFAULT_ACCESS_TOKEN_ISSUER } from '@rendezvous/contracts';

export interface TestResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

export type TestRequest = <T = Record<string, unknown>>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options?: { body?: unknown; token?: string; rawBody?: string },
) => Promise<TestResponse<T>>;

export interface TokenIssuer {
  /** Where a service under test fetches the key set (its `JWKS_URL`). */
  jwksUrl: string;
  sign(userId: string, role?: Role): Promise<string>;
  close(): void;
}

/**
 * Serves a fresh key set and signs access tokens with it, with the claims the user service
 * gives (`iss` the default `JWT_ISSUER`, `aud`, `iat`, `exp`).
 */
export async function startTokenIssuer(): Promise<TokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const kid = 'test-issuer';
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const server: Server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    sign: (userId, role = 'user') =>
      new SignJWT({ role })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setSubject(userId)
        .setIssuer(DEFAULT_ACCESS_TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('15m')
        .sign(privateKey),
    close: () => server.close(),
  };
}

interface Injectable {
  inject(options: {
    method: string;
    url: string;
    headers: Record<string, string>;
    payload?: string;
  }): Promise<{
    statusCode: number;
    body: string;
    headers: Record<string, string | string[] | number | undefined>;
  }>;
}

/** Requests to `/api/v1<path>` through the app's HTTP stack (validation, guards, errors). */
export function apiRequests(app: Injectable): TestRequest {
  return async (method, path, options = {}) => {
    const payload =
      options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await app.inject({
      method,
      url: `/api/v1${path}`,
      headers: {
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      ...(payload === undefined ? {} : { payload }),
    });
    const text = response.body;
    const json = response.headers['content-type']?.toString().includes('json');
    return {
      status: response.statusCode,
      body: (json && text ? JSON.parse(text) : {}) as never,
      text,
      headers: response.headers,
    };
  };
}

export interface StandInService {
  url: string;
  close(): Promise<void>;
}

/** A stand-in for the services behind a gateway: answers `200` with the path it was asked for. */
export async function startStandInService(): Promise<StandInService> {
  const server = createServer((request, response) => {
    request.resume();
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ url: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
