import { nudgeMessage } from './nudge-message';

describe(nudgeMessage.name, () => {
  it('names one shared category', () => {
    expect(nudgeMessage(['music'])).toBe('Someone nearby is into music too. Say hello?');
  });

  it('lists several the way people write them', () => {
    expect(nudgeMessage(['tech', 'music'])).toBe(
      'Someone nearby is into tech and music too. Say hello?',
    );
    expect(nudgeMessage(['arts', 'outdoors', 'family'])).toBe(
      'Someone nearby is into the arts, the outdoors and family life too. Say hello?',
    );
  });

  it('never names "other", which says nothing', () => {
    expect(nudgeMessage(['other'])).toBe('Someone nearby shares one of your interests. Say hello?');
    expect(nudgeMessage(['other', 'games'])).toBe('Someone nearby is into games too. Say hello?');
  });
});
