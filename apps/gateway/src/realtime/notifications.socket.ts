import { Logger } from '@nestjs/common';
import type { OnGatewayConnection, OnGatewayInit } from '@nestjs/websockets';
import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { AccountStanding } from '@rendezvous/contracts';
import { ROLES, isSuspendedAt } from '@rendezvous/contracts';
import type { AuthUser } from '@rendezvous/platform';
import {
  PlatformMetrics,
  TokenVerifier,
  accessRefusal,
  bearerToken,
  withSpan,
} from '@rendezvous/platform';
import type { Server, Socket } from 'socket.io';
import { RevokedUsers } from '../auth/revoked-users';
import type { Push } from '../notifications/notification-map';
import { handshakeError } from './handshake-error';
import { registerSocketGauge } from './socket-metrics';
import { roleRoom, rolesAbove, roomRoleOf, tokenRoleRoom, userRoom } from './rooms';

interface SocketData {
  user?: AuthUser;
}

function tokenOf(socket: Socket): string | undefined {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === 'string' && auth.token) {
    return bearerToken(auth.token) ?? auth.token;
  }
  return bearerToken(socket.handshake.headers.authorization);
}

/**
 * The real-time channel: a handshake needs a valid access token of a person in good standing.
 * Each connection joins its person's room (their notifications, on every device), a room of
 * its token's role (closed when the person loses that role) and the room of the person's
 * current role (staff-wide notices), which follows role changes.
 */
@WebSocketGateway()
export class NotificationsSocket implements OnGatewayInit, OnGatewayConnection {
  @WebSocketServer() private server!: Server;
  private readonly logger = new Logger(NotificationsSocket.name);

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly access: RevokedUsers,
    private readonly metrics: PlatformMetrics,
  ) {}

  afterInit(server: Server): void {
    registerSocketGauge(this.metrics, server);
    server.use((socket, next) => {
      const token = tokenOf(socket);
      if (!token) return next(new Error('unauthorized'));
      this.verifier.verify(token).then(
        (user) => {
          (socket.data as SocketData).user = user;
          next();
        },
        (error: unknown) => next(handshakeError(error)),
      );
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const { user } = socket.data as SocketData;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    try {
      await socket.join([userRoom(user.id), tokenRoleRoom(user.id, user.role)]);
      // Read after joining: a standing applied meanwhile is either read here or reaches the rooms.
      const known = await this.access.known(user.id);
      if (accessRefusal(user, known)) {
        socket.disconnect(true);
        return;
      }
      await socket.join(roleRoom(roomRoleOf(user, known.standing)));
    } catch (error) {
      this.logger.warn({ err: error, userId: user.id }, 'could not set up a connection');
      socket.disconnect(true);
    }
  }

  push({ to, event, payload }: Push): void {
    const rooms = 'userId' in to ? userRoom(to.userId) : to.roles.map(roleRoom);
    withSpan(`emit ${event}`, { 'socket.io.rooms': [rooms].flat().length }, () =>
      this.server.to(rooms).emit(event, payload),
    );
  }

  /** Closes every connection of a person, on every gateway replica. */
  disconnectUser(userId: string): void {
    this.server.in(userRoom(userId)).disconnectSockets(true);
    this.logger.log({ userId }, 'closed the connections of a person who lost access');
  }

  /**
   * Brings a person's connections on every replica in line with their newest standing: all
   * closed while suspended or banned; otherwise moved to their current role's room, and those
   * whose token claims a role the person has lost are closed (those tokens are refused now).
   */
  applyStanding(userId: string, standing: AccountStanding, now = new Date()): void {
    if (isSuspendedAt(standing, now)) {
      this.disconnectUser(userId);
      return;
    }
    const person = this.server.in(userRoom(userId));
    person.socketsLeave(ROLES.filter((role) => role !== standing.role).map(roleRoom));
    person.socketsJoin(roleRoom(standing.role));
    const lost = rolesAbove(standing.role);
    if (standing.roleChangedAt !== null && lost.length > 0) {
      this.server.in(lost.map((role) => tokenRoleRoom(userId, role))).disconnectSockets(true);
    }
  }
}
