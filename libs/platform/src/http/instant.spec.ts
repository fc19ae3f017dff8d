import { endsAtProblem, instantProblem, startsAtProblem } from './instant';

describe(instantProblem.name, () => {
  it('accepts date-times with Z or an offset, with or without seconds and fractions', () => {
    for (const value of [
      '2030-01-31T18:00:00Z',
      '2030-01-31T18:00Z',
      '2030-01-31T18:00:00.123Z',
      '2030-01-31T18:00:00+02:00',
      '2030-01-31t18:00:00z',
    ]) {
      expect(instantProblem(value)).toBeNull();
    }
  });

  it('refuses local times, dates alone, non-strings and impossible dates or times', () => {
    expect(instantProblem('2030-01-31T18:00:00')).toContain('time zone');
    expect(instantProblem('2030-01-31')).toContain('time zone');
    expect(instantProblem(1_900_000_000_000)).toContain('time zone');
    expect(instantProblem('2030-02-30T10:00:00Z')).toContain('real');
    expect(instantProblem('2030-01-31T24:00:00Z')).toContain('real');
    expect(instantProblem('2030-01-31T10:60:00Z')).toContain('real');
    expect(instantProblem('2030-01-31T10:00:00+25:00')).toContain('real');
  });
});

const now = new Date('2030-06-15T12:00:00Z');

describe(startsAtProblem.name, () => {
  it('wants an instant strictly in the future', () => {
    expect(startsAtProblem('2030-06-15T12:00:01Z', now)).toBeNull();
    expect(startsAtProblem('2030-06-15T12:00:00Z', now)).toBe('must be in the future');
    expect(startsAtProblem('2030-06-15T11:00:00Z', now)).toBe('must be in the future');
    expect(startsAtProblem('tomorrow', now)).toContain('ISO-8601');
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
    expect(endsAtProblem(undefined, '2030-06-15T13:00:00Z')).toContain('ISO-8601');
  });
});
