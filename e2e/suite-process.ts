import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './readme-commands';

export interface SuiteProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Sends the signal to the whole process group, as Ctrl-C in a terminal does. */
  signal: (signal: NodeJS.Signals) => void;
}

/** Runs a shell command in its own process group, keeping everything it prints. */
export function runCommand(command: string, env: NodeJS.ProcessEnv = {}): SuiteProcess {
  const child = spawn('bash', ['-c', command], {
    cwd: REPO_ROOT,
    detached: true,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    signal: (signal) => {
      if (child.pid) process.kill(-child.pid, signal);
    },
  };
}
