import { overlaps, slotStatus, timeslotProblems } from './timeslot-rules';

const at = (iso: string) => new Date(iso);
const now = at('2026-06-15T12:00:00Z');

describe(timeslotProblems.name, () => {
  it('accepts a future slot that ends after it starts', () => {
    expect(timeslotProblems(at('2026-06-15T13:00:00Z'), at('2026-06-15T14:00:00Z'), now)).toEqual(
      [],
    );
  });

  it('names startsAt for a start in the past and endsAt for an end not after the start', () => {
    expect(
      timeslotProblems(at('2026-06-15T11:00:00Z'), at('2026-06-15T14:00:00Z'), now).map(
        (p) => p.path,
      ),
    ).toEqual(['startsAt']);
    expect(
      timeslotProblems(at('2026-06-15T13:00:00Z'), at('2026-06-15T13:00:00Z'), now).map(
        (p) => p.path,
      ),
    ).toEqual(['endsAt']);
    expect(
      timeslotProblems(at('2026-06-15T11:00:00Z'), at('2026-06-15T10:00:00Z'), now).map(
        (p) => p.path,
      ),
    ).toEqual(['startsAt', 'endsAt']);
  });
});

describe(overlaps.name, () => {
  const slot = { startsAt: at('2026-06-15T13:00:00Z'), endsAt: at('2026-06-15T14:00:00Z') };
  it('treats touching slots as not overlapping', () => {
    expect(overlaps(slot, { startsAt: slot.endsAt, endsAt: at('2026-06-15T15:00:00Z') })).toBe(
      false,
    );
    expect(
      overlaps(slot, { startsAt: at('2026-06-15T13:59:00Z'), endsAt: at('2026-06-15T15:00:00Z') }),
    ).toBe(true);
    expect(
      overlaps(slot, { startsAt: at('2026-06-15T12:00:00Z'), endsAt: at('2026-06-15T16:00:00Z') }),
    ).toBe(true);
  });
});

describe(slotStatus.name, () => {
  it('is booked while any plan holding the slot is confirmed, free otherwise', () => {
    expect(slotStatus([])).toBe('free');
    expect(slotStatus([false, false])).toBe('free');
    expect(slotStatus([false, true])).toBe('booked');
  });
});
