import { spawn } from 'node:child_process';

/** The suite a run of benchmarks measures: started by it, or found already running. */
export interface Suite {
  startedHere: boolean;
  stop(): Promise<void>;
}

const READY = /ready: all seven services up/;

async function answers(gatewayUrl: string): Promise<boolean> {
  const response = await fetch(`${gatewayUrl}/health/ready`).catch(() => null);
  return response?.ok ?? false;
}

/**
 * Starts the suite as `npm start` does (tools/start.sh) with `env` added, unless one already
 * answers at `gatewayUrl`; resolves once all seven services are ready.
 */
export async function ensureSuite(gatewayUrl: string, env: NodeJS.ProcessEnv): Promise<Suite> {
  if (await answers(gatewayUrl)) return { startedHere: false, stop: async () => undefined };
  const child = spawn('bash', ['tools/start.sh'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the suite is not ready:\n${output}`)),
      300_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (READY.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the suite's start exited (${code}):\n${output}`));
    });
  });
  return {
    startedHere: true,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
