import type { Role } from '@rendezvous/contracts';

/** Emails are compared trimmed and lower-cased (API.md, Identity). */
export function normaliseEmail(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}

export function parseAdminEmails(setting: string): Set<string> {
  return new Set(
    setting
      .split(',')
      .map((email) => email.trim().toLowerCase())
      .filter((email) => email.length > 0),
  );
}

export function roleFor(email: string, admins: ReadonlySet<string>): Role {
  return admins.has(email) ? 'admin' : 'user';
}
