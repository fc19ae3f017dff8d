import {
  connectionStatus,
  connectionStrength,
  connectionTypes,
  displayType,
  orderedPair,
} from './connection-rules';

describe(connectionStrength.name, () => {
  const requester = 'a';
  it('is 0 while a request is pending', () => {
    expect(
      connectionStrength({ requesterId: requester, requestAccepted: false, matched: false }),
    ).toBe(0);
  });

  it('is 0.5 for an accepted request, 0.8 for a match and the higher when both', () => {
    expect(
      connectionStrength({ requesterId: requester, requestAccepted: true, matched: false }),
    ).toBe(0.5);
    expect(connectionStrength({ requesterId: null, requestAccepted: false, matched: true })).toBe(
      0.8,
    );
    expect(
      connectionStrength({ requesterId: requester, requestAccepted: true, matched: true }),
    ).toBe(0.8);
  });
});

describe(displayType.name, () => {
  it('shows match when a match exists, else request', () => {
    expect(displayType({ requesterId: 'a', requestAccepted: true, matched: true })).toBe('match');
    expect(displayType({ requesterId: 'a', requestAccepted: true, matched: false })).toBe(
      'request',
    );
  });

  it('lists every way the two are connected and accepts a pending request on a match', () => {
    const both = { requesterId: 'a', requestAccepted: false, matched: true };
    expect(connectionTypes(both)).toEqual(['request', 'match']);
    expect(connectionStatus(both)).toBe('accepted');
    expect(connectionStatus({ ...both, matched: false })).toBe('pending');
  });
});

describe(orderedPair.name, () => {
  it('stores one row per unordered pair', () => {
    expect(orderedPair('b', 'a')).toEqual(orderedPair('a', 'b'));
  });
});
