import { openApiResponseValidator } from './openapi-validator';

const document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  components: {
    schemas: {
      Venue: {
        type: 'object',
        required: ['id', 'rating', 'category'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          rating: { type: 'number', nullable: true },
          category: { type: 'string', enum: ['cafe', 'bar'] },
        },
      },
    },
  },
  paths: {
    '/venues/{id}': {
      get: {
        responses: {
          '200': {
            description: 'the venue',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Venue' } } },
          },
        },
      },
      delete: { responses: { '204': { description: 'gone' } } },
    },
  },
};

const json = (status: number, body: unknown) => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  text: JSON.stringify(body),
});

describe(openApiResponseValidator.name, () => {
  const validate = openApiResponseValidator(document);
  const venue = { id: '0b7c4c8e-3f7e-4a51-9d43-2f1e8f6f2f01', rating: null, category: 'cafe' };

  it('accepts a body that fits, nullable fields null included', () => {
    expect(validate('GET', '/venues/{id}', json(200, venue))).toEqual([]);
  });

  it('names each field that does not fit', () => {
    const problems = validate('GET', '/venues/{id}', json(200, { ...venue, category: 'pub' }));
    expect(problems).toEqual([expect.stringContaining('/category')]);
  });

  it('with closed, refuses a field the document does not list', () => {
    const extra = json(200, { ...venue, secret: 1 });
    expect(validate('GET', '/venues/{id}', extra)).toEqual([]);
    expect(
      openApiResponseValidator(document, { closed: true })('GET', '/venues/{id}', extra),
    ).toEqual([expect.stringContaining('additional properties')]);
  });

  it('refuses an undocumented status, another content type and a body where none is documented', () => {
    expect(validate('GET', '/venues/{id}', json(404, {}))).toHaveLength(1);
    expect(
      validate('GET', '/venues/{id}', {
        ...json(200, venue),
        headers: { 'content-type': 'text/plain' },
      }),
    ).toHaveLength(1);
    expect(validate('DELETE', '/venues/{id}', json(204, {}))).toHaveLength(1);
    expect(validate('DELETE', '/venues/{id}', { status: 204, headers: {}, text: '' })).toEqual([]);
  });
});
