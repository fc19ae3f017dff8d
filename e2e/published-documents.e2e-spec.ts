import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Parser } from '@asyncapi/parser';
import { openApiBreakingChanges } from '@rendezvous/contracts';
import { apiOperations, undocumentedAnswers } from '@rendezvous/testing';
import { GATEWAY_URL } from './support/suite-settings';

/**
 * The OpenAPI document of each release, for clients built from it: `npm run
 * contracts:publish-openapi` writes this release's, and the test below fails when the live
 * document would break a client of any of them.
 */
const PUBLISHED = join(__dirname, '..', 'libs', 'contracts', 'published', 'openapi');
const RELEASE = (
  JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;

describe('the published documents', () => {
  it('serves an OpenAPI document that validates and documents every answer of every operation', async () => {
    const document = (await (await fetch(`${GATEWAY_URL}/docs-json`)).json()) as {
      servers?: unknown[];
    };
    await SwaggerParser.validate(structuredClone(document) as never);
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);

    const gaps = undocumentedAnswers(document);
    for (const { method, path, operation } of apiOperations(document)) {
      const name = `${method.toUpperCase()} ${path}`;
      const responses = operation.responses as Record<
        string,
        { content?: Record<string, unknown> }
      >;
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400 && !response.content?.['application/problem+json']) {
          gaps.push(`${name}: ${status} is not problem details`);
        }
      }
      const security = (operation.security ?? []) as unknown[];
      if (security.length > 0 && !responses['401']) gaps.push(`${name}: no 401`);
    }
    expect(gaps).toEqual([]);
  });

  it('serves an AsyncAPI document the AsyncAPI parser accepts without errors', async () => {
    const text = await (await fetch(`${GATEWAY_URL}/docs/events.yaml`)).text();
    const { diagnostics } = await new Parser().parse(text);
    // Severity 0 is an error; warnings and hints are style advice.
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
  });

  it('breaks no client of a published release', async () => {
    const live = (await (await fetch(`${GATEWAY_URL}/docs-json`)).json()) as Record<
      string,
      unknown
    >;
    const file = join(PUBLISHED, `${RELEASE}.json`);
    const releases = existsSync(PUBLISHED)
      ? readdirSync(PUBLISHED).filter((name) => name.endsWith('.json'))
      : [];
    const problems = releases.flatMap((name) =>
      openApiBreakingChanges(
        JSON.parse(readFileSync(join(PUBLISHED, name), 'utf8')) as Record<string, unknown>,
        live,
      ).map((problem) => `${name}: ${problem}`),
    );
    expect(problems).toEqual([]);
    if (process.env['PUBLISH_OPENAPI'] === '1') {
      mkdirSync(PUBLISHED, { recursive: true });
      writeFileSync(file, `${JSON.stringify(live, null, 2)}\n`);
    }
    expect(existsSync(file)).toBe(true);
  });
});
