import { grantedFromLease, leaseSize, msLeftInWindow, windowOf } from './window-lease';

describe(grantedFromLease.name, () => {
  it('grants the whole lease while the shared count stays within the limit', () => {
    expect(grantedFromLease(12, 12, 600)).toBe(12);
    expect(grantedFromLease(600, 12, 600)).toBe(12);
  });

  it('grants only the part below the limit when the lease crosses it', () => {
    expect(grantedFromLease(605, 12, 600)).toBe(7);
  });

  it('grants nothing once the count was already at the limit', () => {
    expect(grantedFromLease(612, 12, 600)).toBe(0);
    expect(grantedFromLease(5000, 12, 600)).toBe(0);
  });
});

describe(leaseSize.name, () => {
  it('takes two percent of the limit at a time, and at least one request', () => {
    expect(leaseSize(600)).toBe(12);
    expect(leaseSize(30)).toBe(1);
    expect(leaseSize(1)).toBe(1);
  });
});

describe(windowOf.name, () => {
  it('aligns windows to the clock minute and tells how long the current one has left', () => {
    const minute = Date.parse('2026-12-05T07:10:00.000Z');
    expect(windowOf(minute)).toBe(windowOf(minute + 59_999));
    expect(windowOf(minute + 60_000)).toBe(windowOf(minute) + 1);
    expect(msLeftInWindow(minute + 59_000)).toBe(1_000);
    expect(msLeftInWindow(minute)).toBe(60_000);
  });
});
