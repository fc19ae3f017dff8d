import { Inject, Injectable } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import type { HealthCheck } from '../health/health-check';
import { KAFKA } from '../platform.tokens';

/** Kafka is ready when the cluster answers a metadata request on a long-lived admin client. */
@Injectable()
export class KafkaHealthCheck implements HealthCheck {
  readonly name = 'kafka';
  private admin?: Admin;
  private connecting?: Promise<void>;
  private inFlight?: Promise<void>;

  constructor(@Inject(KAFKA) private readonly kafka: Kafka) {}

  /** A check still running when the next is asked for is shared, so a lost broker piles none up. */
  check(): Promise<void> {
    this.inFlight ??= this.checkOnce().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    this.connecting = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async checkOnce(): Promise<void> {
    if (!this.admin) {
      // No retries of its own: the readiness monitor asks again every second.
      this.admin = this.kafka.admin({ retry: { retries: 0 } });
      this.connecting = this.admin.connect();
    }
    try {
      await this.connecting;
      await this.admin.describeCluster();
    } catch (error) {
      // Start over with a fresh client next time.
      await this.close();
      throw error;
    }
  }
}
