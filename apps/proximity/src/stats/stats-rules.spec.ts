import { topCategories, utcDay } from './stats-rules';

describe(topCategories.name, () => {
  it('puts the most counted first and leaves out anything counted under 5 times', () => {
    expect(
      topCategories([
        { category: 'music', count: 5 },
        { category: 'tech', count: 12 },
        { category: 'family', count: 4 },
        { category: 'arts', count: 5 },
        { category: 'other', count: 1 },
      ]),
    ).toEqual([
      { category: 'tech', count: 12 },
      { category: 'arts', count: 5 },
      { category: 'music', count: 5 },
    ]);
  });

  it('is empty on a quiet day', () => {
    expect(topCategories([{ category: 'tech', count: 4 }])).toEqual([]);
  });
});

describe(utcDay.name, () => {
  it('takes the UTC day, whatever the offset the time was written with', () => {
    expect(utcDay('2026-11-26T23:30:00.000-02:00')).toBe('2026-11-27');
    expect(utcDay(new Date('2026-11-26T00:00:00.000Z'))).toBe('2026-11-26');
  });
});
