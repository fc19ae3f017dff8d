import { aProfile } from '../../test/a-profile';
import { ageOn, fitEachOther } from './hard-filters';

const now = new Date('2026-11-26T12:00:00Z');

describe(ageOn.name, () => {
  it('counts whole years in UTC, turning on the birthday', () => {
    expect(ageOn('2000-11-26', now)).toBe(26);
    expect(ageOn('2000-11-27', now)).toBe(25);
    expect(ageOn(null, now)).toBeNull();
  });
});

describe(fitEachOther.name, () => {
  it("applies each person's age range to the other", () => {
    const picky = aProfile().bornOn('1990-01-01').with({ ageMin: 30, ageMax: 40 }).build();
    const young = aProfile().bornOn('2004-01-01').build();
    const peer = aProfile().bornOn('1992-01-01').with({ ageMin: 40, ageMax: 60 }).build();
    const fits = aProfile().bornOn('1992-01-01').build();
    expect(fitEachOther(picky, young, null, now)).toBe(false);
    expect(fitEachOther(young, picky, null, now)).toBe(false);
    expect(fitEachOther(picky, peer, null, now)).toBe(false);
    expect(fitEachOther(picky, fits, null, now)).toBe(true);
  });

  it('does not hold an unknown age against anyone', () => {
    const picky = aProfile().with({ ageMin: 30, ageMax: 40 }).build();
    expect(fitEachOther(picky, aProfile().build(), null, now)).toBe(true);
  });

  it("applies both people's distance limits, inclusive, when both locations are known", () => {
    const wide = aProfile().with({ distanceKm: 100 }).build();
    const narrow = aProfile().with({ distanceKm: 10 }).build();
    expect(fitEachOther(wide, narrow, 10, now)).toBe(true);
    expect(fitEachOther(wide, narrow, 10.5, now)).toBe(false);
    expect(fitEachOther(narrow, wide, 10.5, now)).toBe(false);
    expect(fitEachOther(wide, narrow, null, now)).toBe(true);
    expect(fitEachOther(wide, narrow, 50, now, false)).toBe(true);
  });

  it('excludes colleagues when either person asks, comparing companies case-insensitively', () => {
    const careful = aProfile().at('Acme  Corp').with({ excludeColleagues: true }).build();
    const colleague = aProfile().at('acme corp').build();
    const other = aProfile().at('Globex').build();
    expect(fitEachOther(careful, colleague, null, now)).toBe(false);
    expect(fitEachOther(colleague, careful, null, now)).toBe(false);
    expect(fitEachOther(careful, other, null, now)).toBe(true);
    expect(fitEachOther(colleague, aProfile().at('ACME CORP').build(), null, now)).toBe(true);
  });
});
