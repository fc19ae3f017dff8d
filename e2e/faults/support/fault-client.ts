import { SUITE_GATEWAY_URL } from '../../support/suite-settings';
import { newClientIp } from '../../support/api-client';

export interface Answer {
  status: number;
  body: Record<string, unknown> | undefined;
}

/** What clients saw that was not the answer they asked for: outages, refused connections. */
export class ClientErrors {
  readonly byKind = new Map<string, number>();

  record(kind: string): void {
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
  }

  get total(): number {
    return [...this.byKind.values()].reduce((sum, n) => sum + n, 0);
  }

  summary(): string {
    if (this.byKind.size === 0) return 'none';
    return [...this.byKind.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, n]) => `${n}× ${kind}`)
      .join(', ');
  }
}

const RETRY_FOR_MS = 45_000;
const RETRIABLE = new Set([502, 503, 504]);

/**
 * A client as an app behaves through an outage: a refused connection, a 5xx or a timeout is
 * retried with backoff for up to 45 s (each one recorded), anything else is the answer.
 */
export class FaultClient {
  readonly ip = newClientIp();

  constructor(
    private readonly errors: ClientErrors,
    public token?: string,
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<Answer> {
    const deadline = Date.now() + RETRY_FOR_MS;
    let delay = 200;
    for (;;) {
      const answer = await this.once(method, path, body);
      if (answer.status !== 0 && !RETRIABLE.has(answer.status) && answer.status < 500) {
        return answer;
      }
      if (Date.now() > deadline) return answer;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 2_000);
    }
  }

  private async once(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(`${SUITE_GATEWAY_URL}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      if (response.status >= 500) this.errors.record(`${response.status}`);
      return {
        status: response.status,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      this.errors.record(
        (error as Error).name === 'TimeoutError' ? 'timeout' : (cause ?? 'network'),
      );
      return { status: 0, body: undefined };
    }
  }
}
