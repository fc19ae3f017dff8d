import { randomUUID } from 'node:crypto';
import type { components } from '@rendezvous/api-client';
import { waitFor } from '@rendezvous/testing';
import type { Person } from './api-client';
import { ApiClient, signInAdmin, signUp } from './api-client';
import type { CheckedRoute } from './direct-routes';
import { DIRECT_ROUTES, GATEWAY_ROUTE, callDirectly } from './direct-routes';
import { expectData } from './typed-api';

export type AdminUserItem = components['schemas']['AdminUserItem'];
export type AuditEntry = components['schemas']['AuditEntry'];
export type ReportItem = components['schemas']['QueueItem'];
type ReportReason = components['schemas']['CreateReportDto']['reason'];

/** The gateway and every service's own port: where a refused token must be refused. */
export const EVERY_CHECK: readonly CheckedRoute[] = [GATEWAY_ROUTE, ...DIRECT_ROUTES];

export interface Staff {
  id: string;
  client: ApiClient;
}

/** The suite's admin, with their id. */
export async function theAdmin(): Promise<Staff> {
  const client = await signInAdmin();
  const me = expectData(await client.api.GET('/api/v1/users/me'), 200);
  return { id: me.id, client };
}

/** Logs a person in again (after a role change or reinstatement) and keeps the new tokens. */
export async function logIn(person: Person) {
  const answer = await person.api.POST('/api/v1/auth/login', {
    body: { email: person.email, password: person.password },
  });
  if (answer.data) {
    person.token = answer.data.accessToken;
    person.refreshToken = answer.data.refreshToken;
    person.client.token = answer.data.accessToken;
  }
  return answer;
}

/** A new person made a moderator by the admin, holding a token with the moderator role. */
export async function aModerator(admin: Staff, name = 'Mo'): Promise<Person> {
  const person = await signUp(name);
  const granted = await admin.client.api.PUT('/api/v1/admin/users/{id}/role', {
    params: { path: { id: person.id } },
    body: { role: 'moderator', note: 'joins the moderation team' },
  });
  expectData(granted, 200);
  const login = expectData(await logIn(person), 200);
  if (login.user.role !== 'moderator') throw new Error('the new token is not a moderator');
  return person;
}

export const note = (what: string) => `${what} (${randomUUID().slice(0, 8)})`;

/** Files a report without blocking, so the reporter's own views stay comparable. */
export async function report(
  reporter: Person,
  subjectId: string,
  reason: ReportReason = 'harassment',
) {
  const answer = await reporter.api.POST('/api/v1/reports', {
    body: {
      subjectUserId: subjectId,
      reason,
      details: 'Sent me abusive messages after the meeting',
      block: false,
    },
  });
  return expectData(answer, 201);
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
  const answer = await admin.client.api.GET('/api/v1/admin/audit', {
    params: { query: { subjectUserId: subjectId, limit: 100 } },
  });
  return expectData(answer, 200).items;
}

export { ApiClient };
