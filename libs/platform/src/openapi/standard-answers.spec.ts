import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_SCHEMA_NAME, withStandardAnswers } from './standard-answers';

const problem = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
};

function fail(why: string): never {
  throw new Error(why);
}

function document(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    components: {
      schemas: {
        Body: {
          type: 'object',
          properties: { name: { type: 'string' }, inner: { $ref: '#/components/schemas/Inner' } },
        },
        Inner: { type: 'object', properties: { x: { type: 'integer' } } },
      },
    },
    paths: {
      '/api/v1/things': {
        post: {
          responses: { '201': { description: 'created' }, '409': { description: 'taken' } },
          requestBody: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Body' } } },
          },
        },
        get: {
          'x-rendezvous-public': true,
          responses: { '200': { description: 'the list' } },
        } as never,
      },
    },
  };
}

describe(withStandardAnswers.name, () => {
  it('documents the problem every error is, and the statuses each kind of route can give', () => {
    const { paths, components } = withStandardAnswers(document());
    const post = paths['/api/v1/things'].post ?? fail('no post');
    expect(Object.keys(post.responses).sort()).toEqual(
      ['201', '400', '401', '409', '413', '415', '429', '503'].sort(),
    );
    expect(post.responses['409']).toEqual({ description: 'taken', content: problem });
    expect(post.responses['201']).toEqual({ description: 'created' });
    expect(post.security).toEqual([{ bearer: [] }]);
    expect(components?.schemas?.[PROBLEM_SCHEMA_NAME]).toMatchObject({
      required: ['type', 'title', 'status', 'detail', 'code', 'traceId'],
    });
  });

  it('leaves a public route without a token requirement and without 401', () => {
    const get = withStandardAnswers(document()).paths['/api/v1/things'].get ?? fail('no get');
    expect(get.security).toEqual([]);
    expect(Object.keys(get.responses).sort()).toEqual(['200', '429', '503']);
    expect(get).not.toHaveProperty('x-rendezvous-public');
  });

  it('closes request body schemas, nested ones included, since unknown fields are refused', () => {
    const { components } = withStandardAnswers(document());
    expect(components?.schemas?.Body).toMatchObject({ additionalProperties: false });
    expect(components?.schemas?.Inner).toMatchObject({ additionalProperties: false });
  });
});
