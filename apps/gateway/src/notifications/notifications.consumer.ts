import { Controller, Inject } from '@nestjs/common';
import type { AnyEnvelope, TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { OnEvent, REDIS, answerExportPartFromRedis } from '@rendezvous/platform';
import type Redis from 'ioredis';
import { RevokedUsers } from '../auth/revoked-users';
import { NotificationsSocket } from '../realtime/notifications.socket';
import { NOTIFYING_TOPICS, notificationsFor, pushesFor } from './notification-map';
import { NotificationHistory } from './notification-history';

/**
 * Turns events that concern people into notifications: history first (once per event id),
 * then the emit. A redelivery emits again — delivery is at least once and clients drop a
 * repeated `notificationId` — so a crash between the two cannot lose the push.
 */
@Controller()
export class NotificationsConsumer {
  constructor(
    private readonly history: NotificationHistory,
    private readonly socket: NotificationsSocket,
    private readonly revoked: RevokedUsers,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @OnEvent(...NOTIFYING_TOPICS)
  async deliver(envelope: AnyEnvelope): Promise<void> {
    const notifications = notificationsFor(envelope);
    if (notifications.length === 0) return;
    await this.history.append(envelope.id, notifications);
    for (const push of pushesFor(envelope, notifications)) this.socket.push(push);
  }

  /** The gateway's part of a personal-data export: the person's notification history. */
  @OnEvent(TOPICS.EXPORT_REQUESTED)
  async onExportRequested(envelope: TopicEnvelope<'export.requested'>): Promise<void> {
    const notifications = await this.history.all(envelope.data.userId);
    await answerExportPartFromRedis(this.redis, 'gateway', envelope, { notifications });
  }

  @OnEvent(TOPICS.USER_DELETED)
  async onUserDeleted(envelope: TopicEnvelope<'user.deleted'>): Promise<void> {
    const { userId } = envelope.data;
    await this.revoked.revoke(envelope.data);
    await this.history.forget(userId);
    this.socket.disconnectUser(userId);
  }
}
