import { breakingChanges } from './schema-compatibility';

const person = {
  type: 'object',
  required: ['userId', 'name', 'status'],
  properties: {
    userId: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    status: { enum: ['active', 'suspended'] },
    bio: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    tags: { type: 'array', items: { type: 'string' } },
  },
};

const closed = { ...person, additionalProperties: false };

describe(breakingChanges.name, () => {
  it('lets producers add an optional field to an open object, narrow an enum or tighten bounds', () => {
    const after = {
      ...person,
      properties: {
        ...person.properties,
        status: { enum: ['active'] },
        name: { type: 'string', maxLength: 100 },
        city: { type: 'string' },
      },
    };
    expect(breakingChanges(person, after)).toEqual([]);
    expect(breakingChanges(closed, { ...after, additionalProperties: false })).toEqual([
      'city: added to a closed object',
    ]);
  });

  it('names each change that breaks consumers', () => {
    const { name: _name, ...rest } = person.properties;
    const after = {
      ...person,
      required: ['userId', 'status'],
      properties: {
        ...rest,
        userId: { type: 'string' },
        status: { enum: ['active', 'suspended', 'banned'] },
        bio: { anyOf: [{ type: 'string' }, { type: 'null' }, { type: 'integer' }] },
        tags: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
      },
    };
    expect(breakingChanges(person, after)).toEqual([
      'userId: format uuid → undefined',
      'name: removed',
      'status: enum widened by ["banned"]',
      'bio: now also integer',
      'tags[]: now also null',
    ]);
  });

  it('sees a field that became nullable or optional', () => {
    const after = {
      ...person,
      required: ['userId', 'name'],
      properties: { ...person.properties, name: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
    };
    expect(breakingChanges(person, after)).toEqual([
      'name: now also null',
      'status: no longer required',
    ]);
  });

  it('matches each alternative of one kind with the closest old one', () => {
    const answer = {
      oneOf: [
        {
          type: 'object',
          required: ['status', 'sessionId'],
          properties: { status: { enum: ['ready'] }, sessionId: { type: 'string' } },
        },
        { type: 'object', required: ['status'], properties: { status: { enum: ['cancelled'] } } },
      ],
    };
    expect(breakingChanges(answer, structuredClone(answer))).toEqual([]);
    const widened = structuredClone(answer);
    widened.oneOf[1].properties.status.enum.push('expired');
    expect(breakingChanges(answer, widened)).toEqual(['status: enum widened by ["expired"]']);
  });
});
