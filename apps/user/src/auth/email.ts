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

/** `ADMIN_EMAILS` accounts are admins from signup on and never lose it. */
export function isAdminEmail(email: string | null, admins: ReadonlySet<string>): boolean {
  return email !== null && admins.has(email);
}

export function signupRole(email: string, admins: ReadonlySet<string>): Role {
  return isAdminEmail(email, admins) ? 'admin' : 'user';
}

/**
 * The role after a login: an `ADMIN_EMAILS` account is made admin if it is not (the setting may
 * have changed since signup); anyone else keeps the role admins gave them.
 */
export function loginRole(email: string | null, current: Role, admins: ReadonlySet<string>): Role {
  return isAdminEmail(email, admins) ? 'admin' : current;
}
