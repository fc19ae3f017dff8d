import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual, promisify } from 'node:util';
import { GATEWAY_URL } from './support/suite-settings';

const ROOT = join(__dirname, '..');
const REGENERATE = 'run `npm run api-client:generate` with the suite running and commit the result';

/** JSON pointers where two JSON values differ. */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return [at || '/'];
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].flatMap((key) =>
    differences(left[key], right[key], `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
  );
}

describe('the committed typed API client', () => {
  it('is generated from the document the suite serves', async () => {
    // Parsed here rather than with Response.json(), whose objects come from another realm under
    // Jest and so never deep-equal the snapshot's.
    const live: unknown = JSON.parse(await (await fetch(`${GATEWAY_URL}/docs-json`)).text());
    const snapshot: unknown = JSON.parse(
      await readFile(join(ROOT, 'libs/api-client/openapi.json'), 'utf8'),
    );
    if (!isDeepStrictEqual(live, snapshot)) {
      const where = differences(live, snapshot).slice(0, 20).join(', ');
      throw new Error(
        `libs/api-client/openapi.json differs from GET /docs-json at ${where}: ${REGENERATE}`,
      );
    }
  });

  it('has the types openapi-typescript generates from the committed document', async () => {
    // Rejects with the script's message (which names the command to run) when they differ.
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'tools/api-client/generate.mjs'), '--check'],
      { cwd: ROOT },
    );
  });
});
