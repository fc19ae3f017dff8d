import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@rendezvous/testing';
import type { SuiteProcess } from '../suite-process';
import { runCommand } from '../suite-process';
import { securedSettings } from './secured-infra';

const PORT = 3195;
const WRONG_PASSWORD = 'not-the-kafka-password';

/**
 * One more reco beside the suite, on the same secured servers but with a Kafka password the
 * broker refuses: it stays up and says so, naming Kafka, instead of failing or going quiet.
 */
describe('a service whose Kafka password is refused', () => {
  let app: SuiteProcess;

  beforeAll(() => {
    const passwordFile = join(mkdtempSync(join(tmpdir(), 'refused-')), 'kafka-password');
    writeFileSync(passwordFile, `${WRONG_PASSWORD}\n`);
    app = runCommand('exec node_modules/.bin/node dist/apps/reco/src/main.js', {
      ...securedSettings(),
      KAFKA_SASL_PASSWORD_FILE: passwordFile,
      KAFKA_CONSUMER_GROUP: `reco-refused-${process.pid}`,
      STATS_REPORT_INTERVAL_SECONDS: '0',
      PORT: String(PORT),
      LOG_FORMAT: 'json',
    });
  });

  afterAll(async () => {
    app.signal('SIGKILL');
    await app.exited;
  });

  it('is live and answers /health/ready 503 naming kafka and why, never the password', async () => {
    const ready = await waitFor(
      async () => {
        const answer = await fetch(`http://127.0.0.1:${PORT}/health/ready`).catch(() => null);
        if (!app.running()) throw new Error(`reco exited:\n${app.output()}`);
        if (answer?.status !== 503) return undefined;
        const body = (await answer.json()) as { errors?: Array<{ path: string; message: string }> };
        // Until its first attempt is refused it says it is connecting.
        return body.errors?.find(
          (error) => error.path === 'kafka' && /authentication/i.test(error.message),
        );
      },
      { timeoutMs: 30_000, intervalMs: 250, message: 'reco to say kafka refused it' },
    );
    expect(ready.message).toMatch(/SCRAM/);
    expect((await fetch(`http://127.0.0.1:${PORT}/health/live`)).status).toBe(200);
    expect(app.output()).not.toContain(WRONG_PASSWORD);
  });
});
