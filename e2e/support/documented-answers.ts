import type { ResponseValidator } from '@rendezvous/testing';
import { openApiResponseValidator } from '@rendezvous/testing';
import { GATEWAY_URL } from './suite-settings';

interface Documented {
  validate: ResponseValidator;
  methods: Map<string, Set<string>>;
  /** The document's path templates, the most literal first (`/users/me` before `/users/{id}`). */
  templates: { template: string; pattern: RegExp }[];
}

let documented: Promise<Documented> | undefined;

function templatePattern(template: string): RegExp {
  const escaped = template
    .split('/')
    .map((segment) =>
      /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${escaped}$`);
}

async function load(): Promise<Documented> {
  const document = (await (await fetch(`${GATEWAY_URL}/docs-json`)).json()) as {
    paths: Record<string, unknown>;
  };
  const templates = Object.keys(document.paths)
    .map((template) => ({ template, pattern: templatePattern(template) }))
    .sort((a, b) => a.template.split('{').length - b.template.split('{').length);
  const methods = new Map(
    Object.entries(document.paths).map(([template, item]) => [
      template,
      new Set(Object.keys(item as object)),
    ]),
  );
  return { validate: openApiResponseValidator(document, { closed: true }), templates, methods };
}

const routeHasMethod = ({ methods }: Documented, template: string, method: string) =>
  methods.get(template)?.has(method.toLowerCase()) ?? false;

const isProblem = (contentType: string | null) =>
  (contentType ?? '').startsWith('application/problem+json');

/**
 * Every answer a test receives through the gateway must be one the merged OpenAPI document
 * describes (status, content type, body): drift between the API and its document fails the test
 * that saw it.
 */
export async function expectDocumentedAnswer(
  method: string,
  path: string,
  response: { status: number; contentType: string | null; text: string },
): Promise<void> {
  documented ??= load();
  const known = await documented;
  const bare = path.split('?')[0];
  const template = known.templates.find(({ pattern }) => pattern.test(bare))?.template ?? bare;
  // A route that does not exist cannot be in the document; its answer is still a problem.
  const missing = [404, 405].includes(response.status) && isProblem(response.contentType);
  if (missing && !routeHasMethod(known, template, method)) return;
  const problems = known.validate(method, template, {
    status: response.status,
    headers: { 'content-type': response.contentType ?? undefined },
    text: response.text,
  });
  if (problems.length > 0) {
    throw new Error(`an answer the OpenAPI document does not describe:\n${problems.join('\n')}`);
  }
}
