import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './readme-commands';

export interface SuiteProcess {
  child: ChildProcess;
  output: () => string;
  /** The exit code, or null when a signal ended it (npm re-raises Ctrl-C after its script). */
  exited: Promise<number | null>;
  running: () => boolean;
  /** Sends the signal to the whole process group, as Ctrl-C in a terminal does. */
  signal: (signal: NodeJS.Signals) => void;
  /** Sends the signal to the started command alone, as a supervisor does. */
  signalCommand: (signal: NodeJS.Signals) => void;
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
  let running = true;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running = false;
      resolve(code);
    }),
  );
  return {
    child,
    output: () => output,
    exited,
    running: () => running,
    signalCommand: (signal) => {
      if (running && child.pid) process.kill(child.pid, signal);
    },
    signal: (signal) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    },
  };
}
