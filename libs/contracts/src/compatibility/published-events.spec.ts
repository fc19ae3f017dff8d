import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_SCHEMAS } from '../events/event-catalog';
import type { EventSchema } from '../events/event-catalog';
import { breakingChanges } from './schema-compatibility';

/**
 * The event schemas other teams build against, one snapshot per release in
 * `libs/contracts/published/event-schemas/<version>.json`. `npm run contracts:publish` writes the
 * current release's snapshot, and refuses a change that breaks what it replaces.
 */
const ROOT = join(__dirname, '..', '..', '..', '..');
const FOLDER = join(ROOT, 'libs', 'contracts', 'published', 'event-schemas');
const RELEASE = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
const PUBLISHING = process.env['PUBLISH_EVENT_SCHEMAS'] === '1';

type Published = Record<string, EventSchema>;

/** As JSON carries it: the schema builder's own markers (symbol keys) do not travel. */
const current = (): Published =>
  JSON.parse(
    JSON.stringify(
      Object.fromEntries(Object.entries(EVENT_SCHEMAS).sort(([a], [b]) => a.localeCompare(b))),
    ),
  ) as Published;

const read = (file: string) => JSON.parse(readFileSync(join(FOLDER, file), 'utf8')) as Published;

/** What consumers of `published` would lose if producers followed `schemas`. */
function breaks(published: Published, schemas: Published): string[] {
  const problems: string[] = [];
  for (const [topic, before] of Object.entries(published)) {
    const after = schemas[topic];
    if (!after) {
      problems.push(`${topic}: topic removed`);
    } else if (after.schemaVersion !== before.schemaVersion) {
      problems.push(
        `${topic}: schemaVersion ${before.schemaVersion} → ${after.schemaVersion} in place (publish a new topic, e.g. ${topic}.v${after.schemaVersion})`,
      );
    } else {
      problems.push(...breakingChanges(before.data, after.data).map((p) => `${topic}: ${p}`));
    }
  }
  return problems;
}

describe('published event schemas', () => {
  const releases = existsSync(FOLDER) ? readdirSync(FOLDER).filter((f) => f.endsWith('.json')) : [];

  it('break no consumer of any published release', () => {
    const problems = releases.flatMap((file) =>
      breaks(read(file), current()).map((problem) => `${file}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it(`are published for this release (${RELEASE}) as they are now`, () => {
    const file = `${RELEASE}.json`;
    const text = `${JSON.stringify(current(), null, 2)}\n`;
    if (PUBLISHING) {
      // The check above has run on the snapshot being replaced: nothing breaking is written.
      if (releases.includes(file) && breaks(read(file), current()).length > 0) {
        throw new Error(`not publishing ${file}: the change breaks its consumers`);
      }
      mkdirSync(FOLDER, { recursive: true });
      writeFileSync(join(FOLDER, file), text);
    }
    const published = existsSync(join(FOLDER, file)) ? read(file) : {};
    expect(published).toEqual(current());
  });
});
