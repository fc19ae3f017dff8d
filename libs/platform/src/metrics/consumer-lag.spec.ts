import { topicLag } from './consumer-lag';

describe('topicLag', () => {
  const ends = [
    { partition: 0, low: '0', high: '10' },
    { partition: 1, low: '4', high: '7' },
  ];

  it('sums log end minus committed offset over partitions', () => {
    expect(
      topicLag(ends, [
        { partition: 0, offset: '8' },
        { partition: 1, offset: '7' },
      ]),
    ).toBe(2);
  });

  it('counts from the log start where the group has committed nothing', () => {
    expect(topicLag(ends, [{ partition: 0, offset: '-1' }])).toBe(13);
  });

  it('never goes below zero when a committed offset is past a truncated log end', () => {
    expect(
      topicLag(ends, [
        { partition: 0, offset: '12' },
        { partition: 1, offset: '7' },
      ]),
    ).toBe(0);
  });
});
