import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { REDIS, closeRedis } from '@rendezvous/platform';
import type Redis from 'ioredis';

const CHANNEL = 'gateway-access:changed';

/** Told of one person whose access changed, or `null`: anything may have changed unseen. */
export type AccessChangeListener = (userId: string | null) => void;

/**
 * Tells every gateway replica, over Redis pub/sub, that a person's deleted marker or standing
 * was just written, so what a replica remembers of them goes at once. Pub/sub keeps nothing
 * for a connection that is down: while this replica is not subscribed, `listening` is false
 * (nothing may be remembered), and on subscribing again listeners hear `null`.
 */
@Injectable()
export class AccessChanges implements OnModuleInit, OnModuleDestroy {
  private readonly listeners: AccessChangeListener[] = [];
  private subscriber?: Redis;
  private subscribed = false;

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  get listening(): boolean {
    return this.subscribed;
  }

  onChange(listener: AccessChangeListener): void {
    this.listeners.push(listener);
  }

  /** After a person's entry was written: this replica forgets them now, the others in a moment. */
  async announce(userId: string): Promise<void> {
    this.tell(userId);
    await this.redis.publish(CHANNEL, userId);
  }

  onModuleInit(): void {
    const subscriber = this.redis.duplicate({ connectionName: 'gateway-access-changes' });
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, userId: string) => this.tell(userId));
    // The main connection to the same Redis logs its errors already.
    subscriber.on('error', () => undefined);
    subscriber.on('close', () => {
      this.subscribed = false;
    });
    // At each (re)connection: remembered answers may have missed changes while it was down.
    subscriber.on('ready', () => {
      subscriber.subscribe(CHANNEL).then(
        () => {
          this.tell(null);
          this.subscribed = true;
        },
        () => undefined,
      );
    });
    subscriber.connect().catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    this.subscribed = false;
    if (this.subscriber) await closeRedis(this.subscriber);
  }

  private tell(userId: string | null): void {
    for (const listener of this.listeners) listener(userId);
  }
}
