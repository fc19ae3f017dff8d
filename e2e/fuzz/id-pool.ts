import fc from 'fast-check';

/**
 * Ids of real objects (most of them the victim's), by the kind of object (`user`, `event`,
 * `plan`...). Fuzzed ids are drawn from here so requests reach past "not found" and try other
 * people's objects.
 */
export class IdPool {
  private readonly byKind = new Map<string, string[]>();

  add(kind: string, id: string | undefined): void {
    if (!id) return;
    this.byKind.set(kind, [...(this.byKind.get(kind) ?? []), id]);
  }

  all(): string[] {
    return [...new Set([...this.byKind.values()].flat())];
  }

  /** Ids whose kind the hint names (`events/{id}`, `targetUserId`), else any id. */
  idFor(hint: string): fc.Arbitrary<string> {
    const lower = hint.toLowerCase();
    const matching = [...this.byKind.entries()]
      .filter(([kind]) => lower.includes(kind))
      .flatMap(([, ids]) => ids);
    const all = this.all();
    return fc.oneof(
      { arbitrary: fc.constantFrom(...(matching.length > 0 ? matching : all)), weight: 4 },
      { arbitrary: fc.constantFrom(...all), weight: 2 },
      { arbitrary: fc.uuid({ version: 4 }), weight: 1 },
    );
  }
}
