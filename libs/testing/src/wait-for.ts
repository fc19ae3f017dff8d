import { ContractViolation } from './contract-violation';

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  message?: string;
}

/**
 * Polls until `probe` returns a value other than undefined/false, or fails after the timeout;
 * a `ContractViolation` from the probe fails it at once, any other error is retried and named
 * on timeout.
 *
 * Where the answer depends on several events arriving, the probe waits for the answer the test
 * asserts (an `expect` inside it will do), not the first non-empty one: an answer built before
 * the last event arrived can be right at that moment and wrong for the test.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 15_000, intervalMs = 50, message = 'condition' }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      if (error instanceof ContractViolation) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
