import fc from 'fast-check';

/**
 * Ids of real objects, by the kind of object (`user`, `event`, `plan`...): the victim's, set up
 * before the run, and the attackers' own, harvested from what their requests created. Fuzzed ids
 * are drawn from here so requests get past "not found": into other people's objects (which must
 * stay untouched) and into the attackers' own (which exercise the handlers behind the checks).
 */
export class IdPool {
  private readonly byKind = new Map<string, string[]>();
  private readonly harvested: { kind: string; id: string }[] = [];
  private readonly owners = new Map<string, number>();

  add(kind: string, id: string | undefined): void {
    if (!id) return;
    this.byKind.set(kind, [...(this.byKind.get(kind) ?? []), id]);
  }

  /** An object an attacker created; requests naming it are then sent with that attacker's token. */
  harvest(kind: string, id: string, owner: number): void {
    if (this.owners.has(id) || this.harvested.length >= MAX_HARVESTED) return;
    this.owners.set(id, owner);
    this.harvested.push({ kind, id });
  }

  /** The attacker who created an object named in this text, if any. */
  ownerIn(text: string): number | undefined {
    for (const [id] of text.matchAll(UUID)) {
      const owner = this.owners.get(id.toLowerCase());
      if (owner !== undefined) return owner;
    }
    return undefined;
  }

  all(): string[] {
    return [...new Set([...this.byKind.values()].flat())];
  }

  /** Ids whose kind the hint names (`events/{id}`, `targetUserId`), else any id. */
  idFor(hint: string): fc.Arbitrary<string> {
    const lower = hint.toLowerCase();
    const kinds = [...this.byKind.keys()].filter((kind) => lower.includes(kind));
    const matching = kinds.flatMap((kind) => this.byKind.get(kind) ?? []);
    const all = this.all();
    const fallback = matching.length > 0 ? matching : all;
    // Read when a case is generated, not when the arbitrary is built: the pool grows as it runs.
    const own = fc.nat().map((n) => {
      const candidates = this.harvested.filter(
        (entry) => kinds.length === 0 || kinds.includes(entry.kind),
      );
      return candidates.length > 0
        ? candidates[n % candidates.length].id
        : fallback[n % fallback.length];
    });
    return fc.oneof(
      { arbitrary: fc.constantFrom(...fallback), weight: 4 },
      { arbitrary: own, weight: 3 },
      { arbitrary: fc.constantFrom(...all), weight: 1 },
      { arbitrary: fc.uuid({ version: 4 }), weight: 1 },
    );
  }
}

const MAX_HARVESTED = 2000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
