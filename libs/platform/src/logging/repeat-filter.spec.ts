import { RepeatFilter } from './repeat-filter';

describe(RepeatFilter.name, () => {
  let now = 0;
  const filter = () => new RepeatFilter(60_000, () => now);

  beforeEach(() => {
    now = 0;
  });

  it('lets a new message through and holds back the same one within the interval', () => {
    const repeats = filter();
    expect(repeats.pass('WRONGPASS')).toBe(0);
    now = 2_000;
    expect(repeats.pass('WRONGPASS')).toBeUndefined();
    now = 4_000;
    expect(repeats.pass('WRONGPASS')).toBeUndefined();
  });

  it('lets the same message through again after the interval, counting what it held back', () => {
    const repeats = filter();
    repeats.pass('refused');
    now = 1_000;
    repeats.pass('refused');
    now = 2_000;
    repeats.pass('refused');
    now = 60_000;
    expect(repeats.pass('refused')).toBe(2);
    now = 61_000;
    expect(repeats.pass('refused')).toBeUndefined();
  });

  it('lets a different message through at once, and a repeat after a reset', () => {
    const repeats = filter();
    repeats.pass('refused');
    expect(repeats.pass('certificate')).toBe(0);
    repeats.reset();
    expect(repeats.pass('certificate')).toBe(0);
  });
});
