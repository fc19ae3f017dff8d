import type { OnModuleInit } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { Envelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { KafkaConsumerTransport } from '@rendezvous/platform';
import { RevokedUsers } from '../auth/revoked-users';
import { NotificationsSocket } from '../realtime/notifications.socket';
import { NOTIFYING_TOPICS, notificationsFor } from './notification-map';
import { NotificationHistory } from './notification-history';

/**
 * Turns events that concern people into notifications: history first (once per event id),
 * then the emit. A redelivery emits again — delivery is at least once and clients drop a
 * repeated `notificationId` — so a crash between the two cannot lose the push.
 */
@Injectable()
export class NotificationsConsumer implements OnModuleInit {
  constructor(
    private readonly transport: KafkaConsumerTransport,
    private readonly history: NotificationHistory,
    private readonly socket: NotificationsSocket,
    private readonly revoked: RevokedUsers,
  ) {}

  onModuleInit(): void {
    for (const topic of NOTIFYING_TOPICS) {
      this.transport.addHandler(topic, (envelope: Envelope) => this.deliver(envelope), true);
    }
    this.transport.addHandler(
      TOPICS.USER_DELETED,
      (envelope: Envelope<{ userId: string }>) => this.onUserDeleted(envelope),
      true,
    );
  }

  async deliver(envelope: Envelope): Promise<void> {
    const notifications = notificationsFor(envelope);
    if (notifications.length === 0) return;
    await this.history.append(envelope.id, notifications);
    for (const notification of notifications) this.socket.emit(notification);
  }

  async onUserDeleted(envelope: Envelope<{ userId: string }>): Promise<void> {
    const { userId } = envelope.data;
    await this.revoked.revoke(userId);
    await this.history.forget(userId);
    this.socket.disconnectUser(userId);
  }
}
