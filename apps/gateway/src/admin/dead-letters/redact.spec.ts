import { REDACTED, readableValue, redact } from './redact';

describe('redact', () => {
  it('replaces emails and exact coordinates at any depth, whatever the message shape', () => {
    expect(
      redact({
        id: 'e1',
        data: {
          email: 'ada@example.com',
          contactEmail: 'x',
          profile: { location: { lat: 52.52, lng: 13.405, city: 'Berlin' } },
          stops: [{ latitude: 1, longitude: 2, name: 'Cafe' }],
          bio: 'write to ada@example.com or bob.b@mail.example.org',
        },
      }),
    ).toEqual({
      id: 'e1',
      data: {
        email: REDACTED,
        contactEmail: REDACTED,
        profile: { location: { lat: REDACTED, lng: REDACTED, city: 'Berlin' } },
        stops: [{ latitude: REDACTED, longitude: REDACTED, name: 'Cafe' }],
        bio: `write to ${REDACTED} or ${REDACTED}`,
      },
    });
  });

  it('keeps what is neither', () => {
    const value = {
      type: 'user.blocked',
      count: 3,
      ok: true,
      none: null,
      at: '2026-12-04T10:00:00Z',
    };
    expect(redact(value)).toEqual(value);
  });
});

describe('readableValue', () => {
  it('parses JSON and leaves other text as text, redacted either way', () => {
    expect(readableValue('{"email":"a@b.co","n":1}')).toEqual({ email: REDACTED, n: 1 });
    expect(readableValue('not json from a@b.co')).toBe(`not json from ${REDACTED}`);
    expect(readableValue('"just a string"')).toBe('just a string');
  });

  it('hides the data of a personal-data export part, keeping its envelope', () => {
    const envelope = {
      id: 'e1',
      type: 'export.part',
      data: { exportId: 'x1', userId: 'u1', service: 'user', part: { account: { name: 'Ada' } } },
    };
    expect(readableValue(JSON.stringify(envelope), 'export.part')).toEqual({
      ...envelope,
      data: { exportId: 'x1', userId: 'u1', service: 'user', part: REDACTED },
    });
    expect(readableValue('{"data":"Ada, 12 Rue X"}', 'export.part')).toEqual({ data: REDACTED });
    expect(readableValue('["Ada"]', 'export.part')).toBe(REDACTED);
    expect(readableValue('Ada lives at 12 Rue X', 'export.part')).toBe(REDACTED);
    // Other topics keep their data.
    expect(readableValue('{"data":{"part":1}}', 'user.blocked')).toEqual({ data: { part: 1 } });
  });
});
