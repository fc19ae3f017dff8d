import { aProfile } from '../../test/a-profile';
import type { Scored } from './discovery-ranking';
import { rankPage } from './discovery-ranking';

const factors = { profile: 0, interests: 0, location: 0, industry: 0, activity: 0 };
const scored = (userId: string, score: number, distanceKm: number | null = 2.6): Scored => ({
  candidate: aProfile(userId).build(),
  compatibility: { score, factors, sharedInterests: [], distanceKm },
});

describe(rankPage.name, () => {
  const people = [
    scored('00000000-0000-4000-8000-000000000003', 0.5),
    scored('00000000-0000-4000-8000-000000000001', 0.9),
    scored('00000000-0000-4000-8000-000000000002', 0.5),
    scored('00000000-0000-4000-8000-000000000004', 0.1),
  ];

  it('ranks best first, ties by id, and pages without gaps or repeats', () => {
    const first = rankPage(people, 2);
    expect(first.items.map((item) => item.userId.at(-1))).toEqual(['1', '2']);
    expect(first.items[0].distanceKm).toBe(3);
    expect(first.nextCursor).not.toBeNull();
    const second = rankPage(people, 2, first.nextCursor ?? undefined);
    expect(second.items.map((item) => item.userId.at(-1))).toEqual(['3', '4']);
    expect(second.nextCursor).toBeNull();
  });

  it('shows distances in whole kilometres, at least 1', () => {
    const shown = rankPage(
      [
        scored('a', 0.4, 0.2),
        scored('b', 0.3, 1.49),
        scored('c', 0.2, 12.5),
        scored('d', 0.1, null),
      ],
      4,
    ).items.map((item) => item.distanceKm);
    expect(shown).toEqual([1, 1, 13, null]);
  });

  it('rejects a cursor that is not one of its own', () => {
    expect(() => rankPage(people, 2, 'nonsense')).toThrow('The request has invalid fields');
  });
});
