import { randomUUID } from 'node:crypto';
import { expectDocumentedAnswer } from './documented-answers';
import { ADMIN_EMAIL, GATEWAY_URL, SUITE_GATEWAY_URL } from './suite-settings';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

let nextAddress = Math.floor(Math.random() * 200) * 65_536;

/** A fresh client address (sent as X-Forwarded-For), so each test has its own IP budget. */
export function newClientIp(): string {
  nextAddress += 1;
  return `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`;
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 12)}@e2e.rendezvous.test`;
}

/** One client of the public API, talking to the gateway as an app would. */
export class ApiClient {
  constructor(
    readonly ip = newClientIp(),
    public token?: string,
  ) {}

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
  token: string;
  refreshToken: string;
}

interface AuthAnswer {
  user: { id: string };
  accessToken: string;
  refreshToken: string;
}

/** Signs a new person up through the gateway and returns a client holding their token. */
export async function signUp(name = 'Ada'): Promise<Person> {
  const client = new ApiClient();
  const email = uniqueEmail(name.toLowerCase());
  const password = `pw-${randomUUID()}`;
  const response = await client.post<AuthAnswer>('/auth/signup', { email, password, name });
  if (response.status !== 201) {
    throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  client.token = response.body.accessToken;
  return {
    id: response.body.user.id,
    email,
    password,
    name,
    client,
    token: response.body.accessToken,
    refreshToken: response.body.refreshToken,
  };
}

/** The suite's admin (ADMIN_EMAILS), signed up on first use and logged in after. */
export async function signInAdmin(): Promise<ApiClient> {
  const client = new ApiClient();
  const credentials = { email: ADMIN_EMAIL, password: 'admin-password-1' };
  let response = await client.post<AuthAnswer>('/auth/signup', { ...credentials, name: 'Admin' });
  if (response.status === 409) response = await client.post<AuthAnswer>('/auth/login', credentials);
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`admin sign-in failed: ${response.status}`);
  }
  client.token = response.body.accessToken;
  return client;
}
