import { Injectable } from '@nestjs/common';
import type { ReadinessDetail } from '@rendezvous/platform';
import { GatewayConfig } from '../config';
import { upstreamsFrom } from './upstreams';

/**
 * Lists each upstream's readiness in the gateway's `/health/ready` body. A service is `up`
 * when at least one replica answers ready. It informs; the gateway's own readiness depends
 * only on its own dependencies.
 */
@Injectable()
export class ServicesReadiness implements ReadinessDetail {
  readonly key = 'services';

  constructor(private readonly config: GatewayConfig) {}

  async collect(): Promise<Record<string, string>> {
    const entries = await Promise.all(
      Object.entries(upstreamsFrom(this.config)).map(async ([service, urls]) => {
        const answers = await Promise.all(urls.map((url) => this.isReady(url)));
        return [service, answers.some(Boolean) ? 'up' : 'down'] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  private async isReady(baseUrl: string): Promise<boolean> {
    try {
      const response = await fetch(`${baseUrl}/health/ready`, {
        signal: AbortSignal.timeout(this.config.UPSTREAM_HEALTH_TIMEOUT_MS),
      });
      return response.ok;
    } catch {
      return false;
    }
  }
}
