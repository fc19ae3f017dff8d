import { randomUUID } from 'node:crypto';
import type { RendezvousClient, components } from '@rendezvous/api-client';
import { expectDocumentedAnswer } from './documented-answers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, GATEWAY_URL, SUITE_GATEWAY_URL } from './suite-settings';
import { expectData, typedApi } from './typed-api';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** The body of every error answer (RFC 9457). */
export type Problem = components['schemas']['Problem'];

let nextAddress = Math.floor(Math.random() * 200) * 65_536;

/** A fresh client address (sent as X-Forwarded-For), so each test has its own IP budget. */
export function newClientIp(): string {
  nextAddress += 1;
  return `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`;
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 12)}@e2e.rendezvous.test`;
}

/**
 * One client of the public API, talking to the gateway as an app would. Tests call the API through
 * `api`, typed by the merged OpenAPI document. The untyped `request` (and `get`/`post`, which the
 * fuzz suite's generated requests use) is for what the document deliberately does not allow:
 * invalid or unknown fields, malformed or raw bodies, bad ids, wrong methods, unknown routes.
 */
export class ApiClient {
  /** Typed calls with this client's address and its current token. */
  readonly api: RendezvousClient;

  constructor(
    readonly ip = newClientIp(),
    public token?: string,
  ) {
    this.api = typedApi(() => this);
  }

  /** Typed calls from this client's address with another token, or none. */
  withToken(token: string | undefined): RendezvousClient {
    return typedApi(() => ({ ip: this.ip, token }));
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      rawBody?: string;
      token?: string | null;
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiResponse<T>> {
    const token = options.token === null ? undefined : (options.token ?? this.token);
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    // A raw body is a deliberately malformed one, which a validating proxy would refuse itself.
    const base = options.rawBody === undefined ? GATEWAY_URL : SUITE_GATEWAY_URL;
    const response = await fetch(`${base}/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    await expectDocumentedAnswer(method, `/api/v1${path}`, {
      status: response.status,
      contentType: response.headers.get('content-type'),
      text,
    });
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, { body });
  }
}

export interface Person {
  id: string;
  email: string;
  password: string;
  name: string;
  client: ApiClient;
  /** The same as `client.api`. */
  api: RendezvousClient;
  token: string;
  refreshToken: string;
}

/** Signs a new person up through the gateway and returns a client holding their token. */
export async function signUp(name = 'Ada'): Promise<Person> {
  const client = new ApiClient();
  const email = uniqueEmail(name.toLowerCase());
  const password = `pw-${randomUUID()}`;
  const signup = expectData(
    await client.api.POST('/api/v1/auth/signup', { body: { email, password, name } }),
    201,
  );
  client.token = signup.accessToken;
  return {
    id: signup.user.id,
    email,
    password,
    name,
    client,
    api: client.api,
    token: signup.accessToken,
    refreshToken: signup.refreshToken,
  };
}

/** The suite's admin (ADMIN_EMAILS), signed up on first use and logged in after. */
export async function signInAdmin(): Promise<ApiClient> {
  const client = new ApiClient();
  const credentials = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD };
  const signup = await client.api.POST('/api/v1/auth/signup', {
    body: { ...credentials, name: 'Admin' },
  });
  const auth =
    signup.response.status === 409
      ? expectData(await client.api.POST('/api/v1/auth/login', { body: credentials }), 200)
      : expectData(signup, 201);
  client.token = auth.accessToken;
  return client;
}
