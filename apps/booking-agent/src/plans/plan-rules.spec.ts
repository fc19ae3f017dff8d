import { randomUUID } from 'node:crypto';
import { inviteesProblem, sharedWindows, within } from './plan-rules';

const at = (time: string) => new Date(`2030-06-15T${time}:00Z`);
const slot = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });
const iso = (windows: { startsAt: Date; endsAt: Date }[]) =>
  windows.map((w) => [
    w.startsAt.toISOString().slice(11, 16),
    w.endsAt.toISOString().slice(11, 16),
  ]);

describe(sharedWindows.name, () => {
  const now = at('08:00');

  it('gives the overlaps of both people’s free slots, soonest first', () => {
    const mine = [slot('09:00', '11:00'), slot('13:00', '14:00'), slot('16:00', '18:00')];
    const theirs = [slot('10:00', '13:30'), slot('17:00', '17:30'), slot('17:45', '19:00')];
    expect(iso(sharedWindows(mine, theirs, now))).toEqual([
      ['10:00', '11:00'],
      ['13:00', '13:30'],
      ['17:00', '17:30'],
      ['17:45', '18:00'],
    ]);
  });

  it('has nothing where slots only touch or never meet', () => {
    expect(sharedWindows([slot('09:00', '10:00')], [slot('10:00', '11:00')], now)).toEqual([]);
    expect(sharedWindows([], [slot('10:00', '11:00')], now)).toEqual([]);
  });

  it('starts a window already under way now, and drops one already over', () => {
    expect(
      iso(sharedWindows([slot('09:00', '12:00')], [slot('09:30', '11:00')], at('10:15'))),
    ).toEqual([['10:15', '11:00']]);
    expect(sharedWindows([slot('09:00', '10:00')], [slot('09:00', '10:00')], at('10:00'))).toEqual(
      [],
    );
  });
});

describe(within.name, () => {
  it('wants the whole plan inside the slot, edges included', () => {
    expect(within(slot('10:00', '11:00'), slot('10:00', '11:00'))).toBe(true);
    expect(within(slot('10:30', '11:30'), slot('10:00', '11:00'))).toBe(false);
    expect(within(slot('09:30', '10:30'), slot('10:00', '11:00'))).toBe(false);
  });
});

describe(inviteesProblem.name, () => {
  it('accepts 1 to 20 distinct ids', () => {
    expect(inviteesProblem([randomUUID()])).toBeNull();
    expect(inviteesProblem(Array.from({ length: 20 }, () => randomUUID()))).toBeNull();
  });

  it('refuses none, too many, repeats and things that are not ids', () => {
    const id = randomUUID();
    expect(inviteesProblem([])).toContain('1 to 20');
    expect(inviteesProblem(Array.from({ length: 21 }, () => randomUUID()))).toContain('1 to 20');
    expect(inviteesProblem([id, id.toUpperCase()])).toBe('must not name anyone twice');
    expect(inviteesProblem(['bob'])).toContain('user ids');
    expect(inviteesProblem('bob')).toContain('user ids');
    expect(inviteesProblem(undefined)).toContain('user ids');
  });
});
