import { secondsUntilNextUtcDay, utcDay } from './report-day';

describe(secondsUntilNextUtcDay.name, () => {
  it('counts to the next UTC midnight, never 0', () => {
    expect(secondsUntilNextUtcDay(new Date('2026-03-01T23:59:30Z'))).toBe(30);
    expect(secondsUntilNextUtcDay(new Date('2026-03-01T00:00:00Z'))).toBe(86_400);
    expect(secondsUntilNextUtcDay(new Date('2026-03-01T23:59:59.900Z'))).toBe(1);
  });
});

describe(utcDay.name, () => {
  it('is the UTC date, whatever the local zone', () => {
    expect(utcDay(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
  });
});
