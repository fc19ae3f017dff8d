import { endsAtProblem, instantProblem, startsAtProblem } from './instant';

describe(instantProblem.name, () => {
  it('accepts RFC 3339 date-times with Z or an offset, with or without fractions', () => {
    for (const value of [
      '2030-01-31T18:00:00Z',
      '2030-01-31T18:00:00.123Z',
      '2030-01-31T18:00:00.123456789Z',
      '2030-01-31T18:00:00+02:00',
      '2030-01-31t18:00:00z',
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '0001-01-01T01:00:00+01:00',
    ]) {
      expect(instantProblem(value)).toBeNull();
    }
  });

  it('refuses local times, dates alone, week and ordinal dates, missing seconds and non-strings', () => {
    for (const value of [
      '2030-01-31T18:00:00',
      '2030-01-31',
      '2030-01-31T18:00Z',
      '2027-W01-1',
      '2027-W01-1T10:00:00Z',
      '2027-032T10:00:00Z',
      '20300131T180000Z',
      '+012030-01-31T18:00:00Z',
      1_900_000_000_000,
      null,
    ]) {
      expect(instantProblem(value)).toContain('RFC 3339');
    }
  });

  it('refuses impossible dates, times and offsets', () => {
    expect(instantProblem('2030-02-30T10:00:00Z')).toContain('real');
    expect(instantProblem('2030-01-31T24:00:00Z')).toContain('real');
    expect(instantProblem('2030-01-31T10:60:00Z')).toContain('real');
    expect(instantProblem('2030-01-31T10:00:60Z')).toContain('real');
    expect(instantProblem('2030-01-31T10:00:00+25:00')).toContain('real');
    expect(instantProblem('0099-02-29T10:00:00Z')).toContain('real');
  });

  it('refuses offsets that push the UTC value out of the years 0001 to 9999', () => {
    expect(instantProblem('9999-12-31T23:59:59-00:01')).toContain('0001 to 9999');
    expect(instantProblem('9999-12-31T23:00:00-23:59')).toContain('0001 to 9999');
    expect(instantProblem('0001-01-01T00:00:00+00:01')).toContain('0001 to 9999');
    expect(instantProblem('0000-12-31T23:00:00Z')).toContain('0001 to 9999');
  });

  it('accepts only what toISOString writes back as a valid date-time', () => {
    for (const value of ['9999-12-31T23:59:59+00:00', '0001-01-01T00:00:00-10:00']) {
      expect(instantProblem(value)).toBeNull();
      expect(new Date(value as string).toISOString()).toMatch(/^\d{4}-/);
    }
  });
});

const now = new Date('2030-06-15T12:00:00Z');

describe(startsAtProblem.name, () => {
  it('wants an instant strictly in the future', () => {
    expect(startsAtProblem('2030-06-15T12:00:01Z', now)).toBeNull();
    expect(startsAtProblem('2030-06-15T12:00:00Z', now)).toBe('must be in the future');
    expect(startsAtProblem('2030-06-15T11:00:00Z', now)).toBe('must be in the future');
    expect(startsAtProblem('tomorrow', now)).toContain('RFC 3339');
  });
});

describe(endsAtProblem.name, () => {
  it('wants an end after the start, compared only with a real start', () => {
    expect(endsAtProblem('2030-06-15T14:00:00Z', '2030-06-15T13:00:00Z')).toBeNull();
    expect(endsAtProblem('2030-06-15T13:00:00Z', '2030-06-15T13:00:00Z')).toBe(
      'must be after startsAt',
    );
    expect(endsAtProblem('2030-06-15T15:00:00+02:00', '2030-06-15T13:30:00Z')).toBe(
      'must be after startsAt',
    );
    expect(endsAtProblem('2030-06-15T13:00:00Z', 'garbage')).toBeNull();
    expect(endsAtProblem(undefined, '2030-06-15T13:00:00Z')).toContain('RFC 3339');
  });
});
