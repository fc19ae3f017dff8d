import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Topic } from '@rendezvous/contracts';
import { SERVICES, TOPICS } from '@rendezvous/contracts';
import { QUEUE_TOPICS } from '../admin/queue-gauge';
import { COUNTED_TOPICS } from '../admin/stats-deltas';
import { NOTIFYING_TOPICS } from '../notifications/notification-map';
import { SUBSCRIPTIONS } from './asyncapi-subscriptions';

const APPS = resolve(__dirname, '../../..');

/** Lists of topics the gateway's handlers name by constant. */
const NAMED_LISTS: Record<string, readonly Topic[]> = {
  NOTIFYING_TOPICS,
  COUNTED_TOPICS,
  QUEUE_TOPICS,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The topics named in a service's `@OnEvent(...)` decorators. */
function handledTopics(service: string): Set<string> {
  const topics = new Set<string>();
  for (const file of sourceFiles(join(APPS, service, 'src'))) {
    const source = readFileSync(file, 'utf8');
    for (const [, pattern] of source.matchAll(/@OnEvent\(([^)]*)\)/g)) {
      for (const name of pattern.match(/[A-Za-z_]+(?:\.[A-Z_]+)?/g) ?? []) {
        const constant = /^TOPICS\.([A-Z_]+)$/.exec(name)?.[1];
        if (constant) topics.add(TOPICS[constant as keyof typeof TOPICS]);
        else if (NAMED_LISTS[name]) NAMED_LISTS[name].forEach((topic) => topics.add(topic));
        else throw new Error(`${file}: @OnEvent names ${name}, unknown to this test`);
      }
    }
  }
  return topics;
}

describe('SUBSCRIPTIONS', () => {
  it.each(SERVICES)('lists exactly the topics the %s service handles', (service) => {
    expect(new Set(SUBSCRIPTIONS[service])).toEqual(handledTopics(service));
  });
});
