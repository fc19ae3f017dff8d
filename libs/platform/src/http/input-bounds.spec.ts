import {
  MAX_INPUT_DEPTH,
  inputBoundsProblem,
  parsedBodyProblem,
  receivedInputProblem,
} from './input-bounds';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

describe(inputBoundsProblem.name, () => {
  it('accepts ordinary values, emoji (paired surrogates) included', () => {
    expect(inputBoundsProblem({ name: 'Zoë 👋', tags: ['a', 'b'], n: 1, x: null })).toBeNull();
    expect(inputBoundsProblem(nested(MAX_INPUT_DEPTH))).toBeNull();
  });

  it('names the field holding NUL or an unpaired surrogate', () => {
    expect(inputBoundsProblem({ profile: { bio: 'a\u0000b' } })?.path).toBe('profile.bio');
    expect(inputBoundsProblem({ tags: ['ok', '\ud800'] })?.path).toBe('tags.1');
    expect(inputBoundsProblem({ name: 'x\udc00' })?.path).toBe('name');
    expect(inputBoundsProblem('\u0000', 'id', 'param')?.path).toBe('id');
    expect(inputBoundsProblem({ q: 'a\u0000' }, '', 'query')?.path).toBe('q');
  });

  it('refuses field names with NUL', () => {
    expect(inputBoundsProblem({ ['a\u0000']: 1 })?.message).toContain('field name');
  });

  it(`refuses nesting deeper than ${MAX_INPUT_DEPTH} levels without recursing further`, () => {
    expect(inputBoundsProblem(nested(MAX_INPUT_DEPTH + 1))?.message).toContain('nested deeper');
    expect(inputBoundsProblem(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))).toEqual(
      expect.objectContaining({ message: expect.stringContaining('nested deeper') }),
    );
  });
});

describe(receivedInputProblem.name, () => {
  it('does not walk a body the parser walked, and walks anything else', () => {
    const body = { name: 'ok' };
    expect(parsedBodyProblem(body)).toBeNull();
    expect(receivedInputProblem(body, '', 'body')).toBeNull();
    expect(parsedBodyProblem({ name: 'a\u0000' })?.path).toBe('name');
    expect(receivedInputProblem({ q: 'a\u0000' }, '', 'query')?.path).toBe('q');
    expect(receivedInputProblem('\u0000', 'id', 'param')?.path).toBe('id');
  });
});
