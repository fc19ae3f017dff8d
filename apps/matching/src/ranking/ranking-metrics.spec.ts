import type { Scored } from './ranking-metrics';
import { auc, precisionAtK } from './ranking-metrics';

const example = (viewerId: string, candidateId: string, score: number, liked: boolean): Scored => ({
  viewerId,
  candidateId,
  score,
  liked,
});

describe(auc.name, () => {
  it('counts the pairs a liked example wins, ties half (worked by hand: 6.5 of 9)', () => {
    // Liked 0.9 beats all three unliked (3); 0.7 beats 0.6 and 0.2 (2); 0.6 ties 0.6 and beats
    // 0.2 (1.5). 6.5 of 3 x 3 pairs.
    const examples = [
      example('v', 'a', 0.9, true),
      example('v', 'b', 0.8, false),
      example('v', 'c', 0.7, true),
      example('v', 'd', 0.6, false),
      example('v', 'e', 0.6, true),
      example('v', 'f', 0.2, false),
    ];
    expect(auc(examples)).toBeCloseTo(6.5 / 9, 12);
  });

  it('is 1 for a perfect order, 0 for a reversed one and 0.5 when every score ties', () => {
    const labels = [true, true, false, false];
    const perfect = labels.map((liked, i) => example('v', `${i}`, 1 - i / 10, liked));
    const reversed = labels.map((liked, i) => example('v', `${i}`, i / 10, liked));
    const flat = labels.map((liked, i) => example('v', `${i}`, 0.3, liked));
    expect(auc(perfect)).toBe(1);
    expect(auc(reversed)).toBe(0);
    expect(auc(flat)).toBe(0.5);
  });

  it('has no value when only one label is present', () => {
    expect(auc([example('v', 'a', 0.4, true), example('v', 'b', 0.1, true)])).toBeNull();
    expect(auc([])).toBeNull();
  });
});

describe(precisionAtK.name, () => {
  it('averages each viewer’s share of likes among their k best, over viewers who liked anyone', () => {
    const examples = [
      // v1: top 2 are c1 (liked) and c2 (not): 1/2; c3's like falls outside the top 2.
      example('v1', 'c1', 0.9, true),
      example('v1', 'c2', 0.8, false),
      example('v1', 'c3', 0.1, true),
      // v2 saw one person and liked them: 1/1.
      example('v2', 'd1', 0.4, true),
      // v3 liked nobody: left out.
      example('v3', 'e1', 0.7, false),
      example('v3', 'e2', 0.6, false),
    ];
    expect(precisionAtK(examples, 2)).toBeCloseTo(0.75, 12);
  });

  it('breaks score ties by candidate id, so the figure does not depend on input order', () => {
    const examples = [example('v', 'b', 0.5, true), example('v', 'a', 0.5, false)];
    expect(precisionAtK(examples, 1)).toBe(0);
    expect(precisionAtK([...examples].reverse(), 1)).toBe(0);
  });

  it('has no value when nobody liked anyone', () => {
    expect(precisionAtK([example('v', 'a', 0.5, false)], 10)).toBeNull();
  });
});
