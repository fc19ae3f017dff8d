import { normaliseEmail, parseAdminEmails, roleFor } from './email';

describe(normaliseEmail.name, () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.COM \n')).toBe('ada.lovelace@example.com');
  });

  it('leaves non-strings for validation to reject', () => {
    expect(normaliseEmail(42)).toBe(42);
  });
});

describe(roleFor.name, () => {
  it('gives admin to the normalised ADMIN_EMAILS only', () => {
    const admins = parseAdminEmails(' Boss@Example.com, ,ops@example.com ');
    expect(roleFor('boss@example.com', admins)).toBe('admin');
    expect(roleFor('ops@example.com', admins)).toBe('admin');
    expect(roleFor('someone@example.com', admins)).toBe('user');
    expect(parseAdminEmails('').size).toBe(0);
  });
});
