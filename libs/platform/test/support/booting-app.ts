import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { waitFor } from '@rendezvous/testing';
import { BootPhase, createApp, startApp } from '../../src';
import { freePort } from './tls-certificates';

export interface Answer {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: Record<string, unknown> & { errors?: { path: string; message: string }[] };
}

export interface BootingApp {
  /** GET on the app's port, whoever holds it: the boot answers or the app. */
  get(path: string): Promise<Answer>;
  /** Waits until `/health/ready` answers as `accepts` wants; returns that answer. */
  readyWhen(accepts: (answer: Answer) => boolean, message: string): Promise<Answer>;
  /** Resolves once the app has taken the port. */
  started: Promise<NestFastifyApplication>;
  /** Gives the boot up if it is still going, closes the app and restores the environment. */
  stop(): Promise<void>;
}

/**
 * Boots an app as `bootstrap` does (the boot answers on its port first), on a free port with
 * `env` as its settings, without waiting for the boot to finish.
 */
export async function bootApp(module: unknown, env: Record<string, string>): Promise<BootingApp> {
  const port = await freePort();
  const settings: Record<string, string> = {
    LOG_LEVEL: 'silent',
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  const previous = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  const bootPhase = new BootPhase({ serve: true, retryBaseMs: 200, retryMaxMs: 1_000 });
  const created = createApp(module, { bootPhase });
  const started = created.then(async (app) => {
    await startApp(app);
    return app;
  });
  // Each is awaited later, or given up in stop().
  created.catch(() => undefined);
  started.catch(() => undefined);

  const get = async (path: string): Promise<Answer> => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as Answer['body'],
    };
  };
  return {
    get,
    started,
    readyWhen: (accepts, message) =>
      waitFor(
        async () => {
          const answer = await get('/health/ready');
          return accepts(answer) ? answer : undefined;
        },
        { timeoutMs: 20_000, intervalMs: 100, message },
      ),
    stop: async () => {
      await bootPhase.abandon();
      const app = await created.catch(() => undefined);
      await started.catch(() => undefined);
      await app?.close();
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}

/** The `errors` entry readiness has for `path`, if any. */
export const errorFor = (answer: Answer, path: string) =>
  answer.body.errors?.find((entry) => entry.path === path);
