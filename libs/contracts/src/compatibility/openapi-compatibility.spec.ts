import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApiBreakingChanges } from './openapi-compatibility';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });

function document(change: { body?: object; answer?: object; parameters?: object[] } = {}) {
  return {
    openapi: '3.0.0',
    components: {
      schemas: {
        User: change.answer ?? {
          type: 'object',
          required: ['id', 'name'],
          properties: { id: { type: 'string' }, name: { type: 'string' } },
        },
      },
    },
    paths: {
      '/api/v1/users/me': {
        get: {
          parameters: change.parameters ?? [
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } },
          ],
          responses: { '200': json({ $ref: '#/components/schemas/User' }) },
        },
        patch: {
          requestBody: json(
            change.body ?? {
              type: 'object',
              properties: { name: { type: 'string' }, jobLevel: { enum: ['mid', 'senior'] } },
            },
          ),
          responses: { '200': json({ $ref: '#/components/schemas/User' }) },
        },
      },
    },
  };
}

describe(openApiBreakingChanges.name, () => {
  it('lets the API add routes, optional fields and answer fields', () => {
    const after = document({
      answer: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, bio: { type: 'string' } },
      },
      body: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          jobLevel: { enum: ['mid', 'senior', 'lead'] },
          bio: { type: 'string' },
        },
      },
    });
    expect(openApiBreakingChanges(document(), after)).toEqual([]);
  });

  it('names what breaks existing clients', () => {
    const after = document({
      answer: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      body: {
        type: 'object',
        required: ['headline'],
        properties: { headline: { type: 'string' }, jobLevel: { enum: ['mid'] } },
      },
      parameters: [{ name: 'page', in: 'query', required: true, schema: { type: 'integer' } }],
    });
    expect(openApiBreakingChanges(document(), after)).toEqual([
      'GET /api/v1/users/me page: newly required',
      'GET /api/v1/users/me limit: no longer accepted',
      'GET /api/v1/users/me → 200: name: removed',
      'PATCH /api/v1/users/me body.headline: newly required',
      'PATCH /api/v1/users/me body.name: no longer accepted',
      'PATCH /api/v1/users/me body.jobLevel: enum narrowed',
      'PATCH /api/v1/users/me → 200: name: removed',
    ]);
    const { patch: _gone, ...onlyGet } = document().paths['/api/v1/users/me'];
    expect(
      openApiBreakingChanges(document(), { ...document(), paths: { '/api/v1/users/me': onlyGet } }),
    ).toEqual(['PATCH /api/v1/users/me: removed']);
  });

  it('finds nothing between a published document and itself, alternatives included', () => {
    const folder = join(__dirname, '..', '..', 'published', 'openapi');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      const published = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(openApiBreakingChanges(published, structuredClone(published))).toEqual([]);
    }
  });
});
