/**
 * Train on the past, validate on the most recent: the newest `validationShare` of the examples
 * (by when they were shown; ties by position) are held out. Both parts keep their order.
 */
export function splitByTime<T extends { shownAt: Date }>(
  examples: readonly T[],
  validationShare: number,
): { training: T[]; validation: T[] } {
  const ordered = examples
    .map((example, index) => ({ example, index }))
    .sort((a, b) => a.example.shownAt.getTime() - b.example.shownAt.getTime() || a.index - b.index)
    .map(({ example }) => example);
  const held = Math.round(ordered.length * Math.min(1, Math.max(0, validationShare)));
  const cut = ordered.length - held;
  return { training: ordered.slice(0, cut), validation: ordered.slice(cut) };
}
