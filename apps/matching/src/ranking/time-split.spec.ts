import { splitByTime } from './time-split';

const at = (minute: number, id: string) => ({
  id,
  shownAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
});

describe(splitByTime.name, () => {
  it('holds out the newest share and trains on everything older', () => {
    const examples = [at(5, 'e'), at(1, 'a'), at(4, 'd'), at(2, 'b'), at(3, 'c')];
    const { training, validation } = splitByTime(examples, 0.4);
    expect(training.map((example) => example.id)).toEqual(['a', 'b', 'c']);
    expect(validation.map((example) => example.id)).toEqual(['d', 'e']);
  });

  it('keeps examples shown at the same instant in their given order', () => {
    const examples = [at(1, 'x'), at(1, 'y'), at(1, 'z'), at(1, 'w')];
    const { training, validation } = splitByTime(examples, 0.5);
    expect(training.map((example) => example.id)).toEqual(['x', 'y']);
    expect(validation.map((example) => example.id)).toEqual(['z', 'w']);
  });

  it('never trains on anything newer than what it validates on', () => {
    const examples = Array.from({ length: 50 }, (_, i) => at((i * 37) % 50, `${i}`));
    const { training, validation } = splitByTime(examples, 0.2);
    expect(training).toHaveLength(40);
    expect(validation).toHaveLength(10);
    const newestTrained = Math.max(...training.map((example) => example.shownAt.getTime()));
    const oldestHeld = Math.min(...validation.map((example) => example.shownAt.getTime()));
    expect(newestTrained).toBeLessThanOrEqual(oldestHeld);
  });
});
