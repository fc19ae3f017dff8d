import { aProfile } from '../../test/a-profile';
import { ageBounds, yearsBefore } from './candidate-query';
import { ageOn } from './hard-filters';

const now = new Date('2026-11-26T12:00:00Z');

describe(ageBounds.name, () => {
  it('turns the age range into birth-date bounds that agree with ageOn', () => {
    const viewer = aProfile().bornOn('1990-05-05').with({ ageMin: 25, ageMax: 30 }).build();
    const { bornOnOrBefore, bornAfter, viewerAge } = ageBounds(viewer, now);
    expect(viewerAge).toBe(36);
    expect(bornOnOrBefore).toBe('2001-11-26');
    expect(bornAfter).toBe('1995-11-26');
    expect(ageOn(bornOnOrBefore, now)).toBe(25);
    expect(ageOn(yearsBefore(now, 31), now)).toBe(31);
    expect(ageOn('1995-11-27', now)).toBe(30);
  });
});
