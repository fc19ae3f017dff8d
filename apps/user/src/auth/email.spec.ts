import { loginRole, normaliseEmail, parseAdminEmails, signupRole } from './email';

describe(normaliseEmail.name, () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.COM \n')).toBe('ada.lovelace@example.com');
  });

  it('leaves non-strings for validation to reject', () => {
    expect(normaliseEmail(42)).toBe(42);
  });
});

describe(signupRole.name, () => {
  it('gives admin to the normalised ADMIN_EMAILS only', () => {
    const admins = parseAdminEmails(' Boss@Example.com, ,ops@example.com ');
    expect(signupRole('boss@example.com', admins)).toBe('admin');
    expect(signupRole('ops@example.com', admins)).toBe('admin');
    expect(signupRole('someone@example.com', admins)).toBe('user');
    expect(parseAdminEmails('').size).toBe(0);
  });
});

describe(loginRole.name, () => {
  const admins = parseAdminEmails('boss@example.com');

  it('keeps a role granted through the API', () => {
    expect(loginRole('mod@example.com', 'moderator', admins)).toBe('moderator');
    expect(loginRole('someone@example.com', 'admin', admins)).toBe('admin');
    expect(loginRole('someone@example.com', 'user', admins)).toBe('user');
  });

  it('makes an ADMIN_EMAILS account admin whatever it held', () => {
    expect(loginRole('boss@example.com', 'user', admins)).toBe('admin');
    expect(loginRole('boss@example.com', 'moderator', admins)).toBe('admin');
  });
});
