import { secondsUntilNextUtcDay, utcDay } from './utc-day';

describe(secondsUntilNextUtcDay.name, () => {
  it('counts to the next UTC midnight, rounding up', () => {
    expect(secondsUntilNextUtcDay(new Date('2026-11-26T23:59:00Z'))).toBe(60);
    expect(secondsUntilNextUtcDay(new Date('2026-11-26T23:59:59.200Z'))).toBe(1);
    expect(secondsUntilNextUtcDay(new Date('2026-11-26T00:00:00Z'))).toBe(86_400);
  });
});

describe(utcDay.name, () => {
  it('is the UTC date whatever the local zone', () => {
    expect(utcDay(new Date('2026-11-26T23:30:00-05:00'))).toBe('2026-11-27');
  });
});
