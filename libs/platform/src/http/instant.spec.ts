import { instantProblem } from './instant';

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
