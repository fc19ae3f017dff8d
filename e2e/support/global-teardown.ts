/** Stops the suite started by the global setup (SIGTERM, as a supervisor would). */
export default async function globalTeardown(): Promise<void> {
  const suite = globalThis.rendezvousSuite;
  if (!suite?.running()) return;
  suite.signalCommand('SIGTERM');
  await suite.exited;
}
