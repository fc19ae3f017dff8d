import { randomUUID } from 'node:crypto';
import { waitFor } from '@rendezvous/testing';
import type { ApiResponse, Person } from './api-client';
import { ApiClient, signInAdmin, signUp } from './api-client';
import type { CheckedRoute } from './direct-routes';
import { DIRECT_ROUTES, GATEWAY_ROUTE, callDirectly } from './direct-routes';

export interface AdminUserItem {
  id: string;
  email: string;
  name: string;
  role: string;
  status: string;
  suspendedUntil: string | null;
  openReports: number;
}

export interface AuditEntry {
  id: string;
  actorId: string;
  action: string;
  subjectUserId?: string;
  objectId?: string;
  note?: string;
  at: string;
}

export interface ReportItem {
  id: string;
  reporterId: string;
  subjectUserId: string;
  reason: string;
  status: string;
  action: string | null;
  decidedBy: string | null;
  autoHidden: boolean;
  subjectOpenReports: number;
}

interface AuthAnswer {
  user: { id: string; role: string };
  accessToken: string;
  refreshToken: string;
}

/** The gateway and every service's own port: where a refused token must be refused. */
export const EVERY_CHECK: readonly CheckedRoute[] = [GATEWAY_ROUTE, ...DIRECT_ROUTES];

export interface Staff {
  id: string;
  client: ApiClient;
}

/** The suite's admin, with their id. */
export async function theAdmin(): Promise<Staff> {
  const client = await signInAdmin();
  const me = await client.get<{ id: string }>('/users/me');
  return { id: me.body.id, client };
}

/** Logs a person in again (after a role change or reinstatement) and keeps the new tokens. */
export async function logIn(person: Person): Promise<ApiResponse<AuthAnswer>> {
  const response = await person.client.post<AuthAnswer>('/auth/login', {
    email: person.email,
    password: person.password,
  });
  if (response.status === 200) {
    person.token = response.body.accessToken;
    person.refreshToken = response.body.refreshToken;
    person.client.token = response.body.accessToken;
  }
  return response;
}

/** A new person made a moderator by the admin, holding a token with the moderator role. */
export async function aModerator(admin: Staff, name = 'Mo'): Promise<Person> {
  const person = await signUp(name);
  const granted = await admin.client.request('PUT', `/admin/users/${person.id}/role`, {
    body: { role: 'moderator', note: 'joins the moderation team' },
  });
  if (granted.status !== 200) throw new Error(`role grant failed: ${granted.status}`);
  const login = await logIn(person);
  if (login.body.user.role !== 'moderator') throw new Error('the new token is not a moderator');
  return person;
}

export const note = (what: string) => `${what} (${randomUUID().slice(0, 8)})`;

/** Files a report without blocking, so the reporter's own views stay comparable. */
export async function report(reporter: Person, subjectId: string, reason = 'harassment') {
  const response = await reporter.client.post<ReportItem>('/reports', {
    subjectUserId: subjectId,
    reason,
    details: 'Sent me abusive messages after the meeting',
    block: false,
  });
  if (response.status !== 201) {
    throw new Error(`report failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/**
 * Waits until every check (the gateway and each service's port) answers the token with `status`,
 * and returns how long the last one took, in ms from `since`.
 */
export async function untilEveryCheck(
  token: string,
  expected: (answer: { status: number; body: { code?: string } }) => boolean,
  options: { since?: number; timeoutMs?: number; what: string },
): Promise<{ lastMs: number; answers: { status: number; body: { code?: string } }[] }> {
  const since = options.since ?? Date.now();
  const times: number[] = [];
  const answers = await Promise.all(
    EVERY_CHECK.map((route) =>
      waitFor(
        async () => {
          const answer = await callDirectly(route, token);
          if (!expected(answer)) return undefined;
          times.push(Date.now() - since);
          return answer;
        },
        {
          timeoutMs: options.timeoutMs ?? 5_000,
          intervalMs: 50,
          message: `${route.service} ${route.method} ${route.path}: ${options.what}`,
        },
      ),
    ),
  );
  return { lastMs: Math.max(...times), answers };
}

export const refusedAsSuspended = (answer: { status: number; body: { code?: string } }) =>
  answer.status === 401 && answer.body.code === 'AUTH.ACCOUNT_SUSPENDED';

export const accepted = (answer: { status: number }) => answer.status < 400;

/** The audit entries about a person, newest first (admin only). */
export async function auditAbout(admin: Staff, subjectId: string): Promise<AuditEntry[]> {
  const response = await admin.client.get<{ items: AuditEntry[] }>(
    `/admin/audit?subjectUserId=${subjectId}&limit=100`,
  );
  expect(response.status).toBe(200);
  return response.body.items;
}

export { ApiClient };
