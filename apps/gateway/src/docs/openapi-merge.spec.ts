import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeDocuments } from './openapi-merge';

function doc(paths: OpenAPIObject['paths'], schemas: Record<string, object> = {}): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe(mergeDocuments.name, () => {
  it("keeps the services' API routes and leaves out their health and metrics", () => {
    const merged = mergeDocuments(doc({ '/api/v1/notifications': {} }), [
      { service: 'user', document: doc({ '/api/v1/users/me': {}, '/health/live': {} }) },
      { service: 'event', document: doc({ '/api/v1/events': {}, '/metrics': {} }) },
    ]);
    expect(Object.keys(merged.paths).sort()).toEqual([
      '/api/v1/events',
      '/api/v1/notifications',
      '/api/v1/users/me',
    ]);
    expect(merged.components?.securitySchemes).toHaveProperty('bearer');
  });

  it('renames a schema two services define differently and rewrites its references', () => {
    const userDoc = doc(
      {
        '/api/v1/users': {
          post: { requestBody: { content: { 'application/json': { schema: ref('CreateDto') } } } },
        },
      } as never,
      { CreateDto: { type: 'object', properties: { name: { type: 'string' } } } },
    );
    const eventDoc = doc(
      {
        '/api/v1/events': {
          post: { requestBody: { content: { 'application/json': { schema: ref('CreateDto') } } } },
        },
      } as never,
      { CreateDto: { type: 'object', properties: { title: { type: 'string' } } } },
    );
    const merged = mergeDocuments(doc({}), [
      { service: 'user', document: userDoc },
      { service: 'event', document: eventDoc },
    ]);
    expect(Object.keys(merged.components?.schemas ?? {}).sort()).toEqual([
      'CreateDto',
      'event_CreateDto',
    ]);
    expect(JSON.stringify(merged.paths['/api/v1/events'])).toContain(
      '#/components/schemas/event_CreateDto',
    );
    expect(JSON.stringify(merged.paths['/api/v1/users'])).toContain(
      '#/components/schemas/CreateDto"',
    );
  });
});
