import {
  cancellationBy,
  chunked,
  normaliseTags,
  scheduleProblems,
  tagsProblem,
} from './event-rules';

describe(tagsProblem.name, () => {
  it('accepts up to 10 tags of 1 to 30 characters', () => {
    expect(tagsProblem([])).toBeNull();
    expect(tagsProblem(Array.from({ length: 10 }, (_, i) => `tag${i}`))).toBeNull();
    expect(tagsProblem(['x'.repeat(30)])).toBeNull();
  });

  it('refuses 11 tags, a tag of 31 characters, blank tags and non-lists', () => {
    expect(tagsProblem(Array.from({ length: 11 }, (_, i) => `tag${i}`))).toContain('at most 10');
    expect(tagsProblem(['x'.repeat(31)])).not.toBeNull();
    expect(tagsProblem(['  '])).not.toBeNull();
    expect(tagsProblem([3])).not.toBeNull();
    expect(tagsProblem('ai,ml')).not.toBeNull();
  });
});

describe(normaliseTags.name, () => {
  it('trims and drops repeats ignoring case, keeping the first spelling', () => {
    expect(normaliseTags([' AI ', 'ai', 'Rust', 'rust ', 'go'])).toEqual(['AI', 'Rust', 'go']);
  });
});

describe(scheduleProblems.name, () => {
  const start = new Date('2030-06-15T13:00:00Z');
  const end = new Date('2030-06-15T14:00:00Z');

  it('is fine when the event ends after it starts', () => {
    expect(scheduleProblems(start, end, { startsAt: true, endsAt: false })).toEqual([]);
  });

  it('names the field the caller sent: the start alone, else the end', () => {
    expect(
      scheduleProblems(end, start, { startsAt: true, endsAt: false }).map((p) => p.path),
    ).toEqual(['startsAt']);
    expect(
      scheduleProblems(end, start, { startsAt: true, endsAt: true }).map((p) => p.path),
    ).toEqual(['endsAt']);
    expect(
      scheduleProblems(end, start, { startsAt: false, endsAt: true }).map((p) => p.path),
    ).toEqual(['endsAt']);
  });
});

describe(chunked.name, () => {
  it('splits into runs of the given size and always yields at least one run', () => {
    expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunked([], 2)).toEqual([[]]);
  });
});

describe(cancellationBy.name, () => {
  it('lets the organizer cancel their own event whatever their role', () => {
    expect(cancellationBy('ada', { id: 'ada', role: 'user' })).toBe('own');
    expect(cancellationBy('ada', { id: 'ada', role: 'admin' })).toBe('own');
  });

  it('lets moderators and admins cancel anyone’s event, and nobody else', () => {
    expect(cancellationBy('ada', { id: 'mod', role: 'moderator' })).toBe('moderated');
    expect(cancellationBy('ada', { id: 'boss', role: 'admin' })).toBe('moderated');
    expect(cancellationBy('ada', { id: 'bob', role: 'user' })).toBeNull();
  });
});
