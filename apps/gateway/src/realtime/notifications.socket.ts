import { Logger } from '@nestjs/common';
import type { OnGatewayConnection, OnGatewayInit } from '@nestjs/websockets';
import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { TokenVerifier, bearerToken } from '@rendezvous/platform';
import type { Server, Socket } from 'socket.io';
import type { Notification } from '../notifications/notification-map';

export const userRoom = (userId: string) => `user:${userId}`;

function tokenOf(socket: Socket): string | undefined {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === 'string' && auth.token) {
    return bearerToken(auth.token) ?? auth.token;
  }
  return bearerToken(socket.handshake.headers.authorization);
}

/**
 * The real-time channel: a handshake needs a valid access token (`connect_error`
 * `unauthorized` otherwise) and each connection joins its person's room, so every device of
 * that person receives their notifications and nobody else's.
 */
@WebSocketGateway()
export class NotificationsSocket implements OnGatewayInit, OnGatewayConnection {
  @WebSocketServer() private server!: Server;
  private readonly logger = new Logger(NotificationsSocket.name);

  constructor(private readonly verifier: TokenVerifier) {}

  afterInit(server: Server): void {
    server.use((socket, next) => {
      const token = tokenOf(socket);
      if (!token) return next(new Error('unauthorized'));
      this.verifier.verify(token).then(
        (user) => {
          (socket.data as { userId?: string }).userId = user.id;
          next();
        },
        () => next(new Error('unauthorized')),
      );
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const userId = (socket.data as { userId?: string }).userId;
    if (!userId) {
      socket.disconnect(true);
      return;
    }
    await socket.join(userRoom(userId));
  }

  emit(notification: Notification): void {
    this.server
      .to(userRoom(notification.recipientId))
      .emit(notification.event, notification.payload);
  }

  /** Closes every connection of a person, on every gateway replica. */
  disconnectUser(userId: string): void {
    this.server.in(userRoom(userId)).disconnectSockets(true);
    this.logger.log({ userId }, 'disconnected a revoked user');
  }
}
